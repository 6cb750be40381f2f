import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestWithPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { parseGlobalId, type NodeTypeName } from '../../graphql/global-id.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { PortfolioQueryService } from '../portfolio/portfolio-query.service.js';
import { ApplicationsService } from '../progression/applications.service.js';
import { toPathwayVersion } from '../progression/pathway-design.mapper.js';
import { PathwaysService } from '../progression/pathways.service.js';
import { MAX_NODE_IDS } from './dto/node.args.js';

/** A resolved object, with the type name the Node interface resolves it to. */
export type NodeValue = { __typename: NodeTypeName; id: string };

type Fetch = (principal: Principal, uuids: string[]) => Promise<({ id: string } | null)[]>;

/**
 * Resolves global ids through each type's own batched read, which applies the same tenant and access
 * rules as that type's other queries. Whatever the reason an id yields nothing (not a global id, an
 * unknown type, nobody's, another organisation's, or refused) the answer is the same null.
 */
@Injectable()
export class NodeService {
  // One loader per request, keyed on the request object: its cache dies with the request and never
  // serves another caller. (The context's loaders are built from repositories; these need services.)
  private readonly loaders = new WeakMap<RequestWithPrincipal, DataLoader<string, NodeValue | null>>();
  private readonly fetch: Record<NodeTypeName, Fetch>;

  constructor(
    portfolio: PortfolioQueryService,
    organisation: OrganisationService,
    pathways: PathwaysService,
    applications: ApplicationsService,
  ) {
    this.fetch = {
      Evidence: (p, ids) => portfolio.evidenceByIds(p, ids),
      EvidenceVersion: (p, ids) => portfolio.versionsByIds(p, ids),
      Member: (p, ids) => organisation.membersByIds(p, ids),
      Pathway: (p, ids) => pathways.pathwaysByIds(p, ids),
      PathwayVersion: async (p, ids) =>
        (await pathways.versionsByIds(p, ids)).map((v) => v && toPathwayVersion(v)),
      ProgressionApplication: (p, ids) => applications.applicationsByIds(p, ids),
    };
  }

  /** This request's loader of nodes by global id. */
  loaderFor(req: RequestWithPrincipal): DataLoader<string, NodeValue | null> {
    let loader = this.loaders.get(req);
    if (!loader) {
      loader = new DataLoader((globalIds) => this.resolve(req, globalIds), { maxBatchSize: MAX_NODE_IDS });
      this.loaders.set(req, loader);
    }
    return loader;
  }

  private async resolve(
    req: RequestWithPrincipal,
    globalIds: readonly string[],
  ): Promise<(NodeValue | null)[]> {
    const principal = req.principal;
    if (!principal) throw new Error('node loader used before authentication');
    const decoded = globalIds.map(parseGlobalId);
    const uuidsByType = new Map<NodeTypeName, string[]>();
    for (const d of decoded) {
      if (d) uuidsByType.set(d.typeName, [...(uuidsByType.get(d.typeName) ?? []), d.uuid]);
    }
    const found = new Map<string, NodeValue>();
    await Promise.all(
      [...uuidsByType].map(async ([typeName, uuids]) => {
        const values = await this.fetch[typeName](principal, uuids);
        values.forEach((value, i) => {
          if (value) found.set(`${typeName}:${uuids[i]}`, { ...value, __typename: typeName });
        });
      }),
    );
    return decoded.map((d) => (d && found.get(`${d.typeName}:${d.uuid}`)) ?? null);
  }
}
