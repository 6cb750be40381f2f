import { Injectable } from '@nestjs/common';
import {
  countDerivedCoverage,
  DomainError,
  registrationYearOf,
  summariseCoverage,
  type EvidenceStatus,
  type MappingDecision,
} from '#app/domain';
import {
  EvidenceRepository,
  FrameworkRepository,
  type EvidenceVersionEntity,
  type EvidenceVersionWithDetails,
  type VersionVisibility,
} from '#app/persistence';
import type { Principal } from '../../auth/principal.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { CoverageArgs } from './dto/coverage.args.js';
import type { PortfolioArgs } from './dto/portfolio.args.js';
import type {
  FrameworkItem,
  FrameworkLevel,
  FrameworkLevelPathway,
} from '../frameworks/models/framework.model.js';
import type { User } from '../organisation/models/user.model.js';
import { toEvidenceReview, toEvidenceVersion } from './evidence-model.mapper.js';
import type { Coverage } from './models/coverage.model.js';
import type {
  Attachment,
  Evidence,
  EvidenceMapping,
  EvidenceReview,
  EvidenceVersion,
} from './models/evidence.model.js';
import { AccessPolicyService, type AccessGrant } from '../access/access-policy.service.js';

// The views below carry what was loaded with the page; a part left undefined is loaded by its field
// resolver through the request's DataLoaders, as for evidence reached any other way.

/** A loaded piece of evidence, with the visibility it was loaded under (for its versions). */
export type EvidenceView = Evidence & {
  visibility: VersionVisibility;
  owner?: User;
  versions?: VersionView[];
};

export type VersionView = EvidenceVersion & {
  owner?: User;
  reviewer?: User | null;
  mappings?: MappingView[];
  review?: ReviewView | null;
  attachments?: Attachment[];
};

export type MappingView = EvidenceMapping & {
  item?: FrameworkItem;
  level?: FrameworkLevel | null;
  acceptedLevel?: FrameworkLevel | null;
  pathway?: FrameworkLevelPathway | null;
  acceptedPathway?: FrameworkLevelPathway | null;
};

export type ReviewView = EvidenceReview & { reviewer?: User; countersigner?: User | null };

const PORTFOLIO_REFUSAL = {
  field: 'practitionerUserId',
  message: 'You may not see this practitioner’s portfolio.',
};

/** Reads of portfolios: lists, single pieces and coverage, each through the caller's access. */
@Injectable()
export class PortfolioQueryService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly frameworks: FrameworkRepository,
    private readonly access: AccessPolicyService,
  ) {}

  /**
   * A page of a portfolio. `selected` (field paths below each piece, e.g. `versions.mappings.item`)
   * names the nested parts to load for the whole page at once, a few statements in all.
   */
  async portfolio(
    principal: Principal,
    args: PortfolioArgs,
    selected: ReadonlySet<string> = new Set(),
  ): Promise<ConnectionShape<EvidenceView>> {
    const ownerUserId = args.practitionerUserId ?? principal.userId;
    const { visibility } = await this.access.require(
      principal,
      ownerUserId,
      'READ_PORTFOLIO',
      PORTFOLIO_REFUSAL,
    );
    const page = pageRequest(args, ['date', 'uuid']);
    const year = args.registrationYear ? registrationYearRange(args.registrationYear) : null;
    const rows = await this.evidence.pagePortfolio(
      principal.organisationId,
      ownerUserId,
      visibility,
      {
        kind: args.kind,
        status: args.status,
        itemCode: args.itemCode,
        levelCode: args.levelCode,
        dateFrom: maxDate(args.dateFrom, year?.from),
        dateTo: minDate(args.dateTo, year?.to),
        search: args.search?.trim() || undefined,
      },
      page,
    );
    const connection = toConnection(rows, page, (v) => [v.dateFrom, v.evidenceId]);
    const nodes = connection.nodes.map((v) => toView(v, visibility));
    await this.loadDetails(principal.organisationId, nodes, visibility, selected);
    return {
      nodes,
      edges: connection.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i]! })),
      pageInfo: connection.pageInfo,
    };
  }

  /** One piece of evidence, if the caller may see any version of it (`selected` as for a page). */
  async evidenceById(
    principal: Principal,
    evidenceId: string,
    selected: ReadonlySet<string> = new Set(),
  ): Promise<EvidenceView> {
    const [view] = await this.evidenceByIds(principal, [evidenceId]);
    if (!view) throw new DomainError('EVIDENCE_NOT_FOUND', 'No such evidence that you may see.', 'id');
    await this.loadDetails(principal.organisationId, [view], view.visibility, selected);
    return view;
  }

  /**
   * Pieces of evidence in the order asked, each with its newest version the caller may see; null
   * where the caller may see no version (another organisation's, refused, or none at all).
   */
  async evidenceByIds(
    principal: Principal,
    evidenceIds: readonly string[],
  ): Promise<(EvidenceView | null)[]> {
    const pieces = await this.evidence.findEvidenceByIds(principal.organisationId, evidenceIds);
    const grants = await this.grantsFor(
      principal,
      pieces.map((e) => e.ownerUserId),
    );
    const newest = new Map<string, EvidenceView>();
    for (const { visibility, ids } of byVisibility(
      pieces,
      (e) => e.id,
      (e) => grants.get(e.ownerUserId),
    )) {
      const versions = await this.evidence.findVersionsByEvidenceIds(
        principal.organisationId,
        ids,
        visibility,
      );
      // Newest first within each piece: the first seen is its current version.
      for (const v of versions)
        if (!newest.has(v.evidenceId)) newest.set(v.evidenceId, toView(v, visibility));
    }
    return evidenceIds.map((id) => newest.get(id) ?? null);
  }

  /** Versions in the order asked; null where the caller may not see that version. */
  async versionsByIds(principal: Principal, versionIds: readonly string[]): Promise<(VersionView | null)[]> {
    const { organisationId } = principal;
    // Read once to learn whose they are, then again under each owner's grant, so that which versions
    // a reader sees is decided by the same visibility rule as every other read of versions.
    const rows = await this.evidence.findVersionsByIds(organisationId, versionIds, { kind: 'ALL' });
    const grants = await this.grantsFor(
      principal,
      rows.map((v) => v.ownerUserId),
    );
    const visible = new Map<string, VersionView>();
    for (const { visibility, ids } of byVisibility(
      rows,
      (v) => v.id,
      (v) => grants.get(v.ownerUserId),
    )) {
      for (const v of await this.evidence.findVersionsByIds(organisationId, ids, visibility)) {
        visible.set(v.id, toEvidenceVersion(v));
      }
    }
    return versionIds.map((id) => visible.get(id) ?? null);
  }

  /** The caller's READ_PORTFOLIO grant for each of these practitioners it is allowed for. */
  private async grantsFor(principal: Principal, ownerUserIds: string[]): Promise<Map<string, AccessGrant>> {
    return this.access.findMany(principal, ownerUserIds, 'READ_PORTFOLIO');
  }

  /**
   * Loads the selected versions of these pieces with their mappings, reviews and attachments in one
   * statement, then the framework items, levels, pathways and people they refer to in another.
   */
  private async loadDetails(
    organisationId: string,
    views: EvidenceView[],
    visibility: VersionVisibility,
    selected: ReadonlySet<string>,
  ): Promise<void> {
    if (views.length === 0) return;
    const has = (path: string) => selected.has(path);
    const rows = has('versions')
      ? await this.evidence.findVersionsWithDetails(
          organisationId,
          views.map((v) => v.id),
          visibility,
          {
            mappings: has('versions.mappings'),
            review: has('versions.review'),
            attachments: has('versions.attachments'),
          },
        )
      : [];
    const mappings = rows.flatMap((r) => r.mappings ?? []);
    const reviews = rows.flatMap((r) => (r.review ? [r.review] : []));
    const ids = (wanted: boolean, values: (string | null)[]) =>
      wanted ? [...new Set(values.filter((v): v is string => v !== null))] : [];
    const itemIds = ids(
      has('versions.mappings.item'),
      mappings.map((m) => m.frameworkItemId),
    );
    const levelIds = ids(true, [
      ...(has('versions.mappings.level') ? mappings.map((m) => m.frameworkLevelId) : []),
      ...(has('versions.mappings.acceptedLevel') ? mappings.map((m) => m.acceptedLevelId) : []),
    ]);
    const pathwayIds = ids(true, [
      ...(has('versions.mappings.pathway') ? mappings.map((m) => m.frameworkLevelPathwayId) : []),
      ...(has('versions.mappings.acceptedPathway') ? mappings.map((m) => m.acceptedPathwayId) : []),
    ]);
    const userIds = ids(true, [
      ...(has('owner') ? views.map((v) => v.ownerUserId) : []),
      ...(has('versions.owner') ? rows.map((r) => r.ownerUserId) : []),
      ...(has('versions.reviewer') ? rows.map((r) => r.reviewerUserId) : []),
      ...(has('versions.review.reviewer') ? reviews.map((r) => r.reviewerUserId) : []),
      ...(has('versions.review.countersigner') ? reviews.map((r) => r.standing.countersignerUserId) : []),
    ]);
    const found = await this.evidence.findReferences(organisationId, {
      items: itemIds,
      levels: levelIds,
      pathways: pathwayIds,
      users: userIds,
    });
    const [items, levels, pathways, users] = [
      byId(found.items),
      byId(found.levels),
      byId(found.pathways),
      byId(found.users),
    ];
    // A selected reference resolves to what was found (null where nothing was), as the loaders would.
    const ref = <T>(found: Map<string, T>, wanted: boolean, id: string | null): T | null | undefined =>
      !wanted ? undefined : id === null ? null : (found.get(id) ?? null);

    // The rows were read for this request alone, so the views are built on them rather than copied
    // (a page is a few hundred objects; copies of each were a measurable share of garbage collection).
    const toMapping = (m: NonNullable<EvidenceVersionWithDetails['mappings']>[number]): MappingView =>
      Object.assign(m, {
        item: ref(items, has('versions.mappings.item'), m.frameworkItemId) ?? undefined,
        level: ref(levels, has('versions.mappings.level'), m.frameworkLevelId),
        acceptedLevel: ref(levels, has('versions.mappings.acceptedLevel'), m.acceptedLevelId),
        pathway: ref(pathways, has('versions.mappings.pathway'), m.frameworkLevelPathwayId),
        acceptedPathway: ref(pathways, has('versions.mappings.acceptedPathway'), m.acceptedPathwayId),
      });
    const toReview = (r: NonNullable<EvidenceVersionWithDetails['review']>): ReviewView =>
      Object.assign(toEvidenceReview(r), {
        reviewer: ref(users, has('versions.review.reviewer'), r.reviewerUserId) ?? undefined,
        countersigner: ref(users, has('versions.review.countersigner'), r.standing.countersignerUserId),
      });
    const versionsOf = new Map<string, VersionView[]>(views.map((v) => [v.id, []]));
    for (const row of rows) {
      versionsOf.get(row.evidenceId)?.push(
        Object.assign(toEvidenceVersion(row), {
          owner: ref(users, has('versions.owner'), row.ownerUserId) ?? undefined,
          reviewer: ref(users, has('versions.reviewer'), row.reviewerUserId),
          mappings: row.mappings?.map(toMapping),
          review: row.review === undefined ? undefined : row.review && toReview(row.review),
          attachments: row.attachments,
        }),
      );
    }
    for (const view of views) {
      if (has('owner')) view.owner = users.get(view.ownerUserId);
      if (has('versions')) view.versions = versionsOf.get(view.id)!;
    }
  }

  async coverage(principal: Principal, args: CoverageArgs): Promise<Coverage> {
    const ownerUserId = args.practitionerUserId ?? principal.userId;
    const { visibility } = await this.access.require(
      principal,
      ownerUserId,
      'READ_PORTFOLIO',
      PORTFOLIO_REFUSAL,
    );
    const version = await this.frameworks.findVersionByCodes(
      args.frameworkCode,
      args.version,
      principal.organisationId,
    );
    if (!version) {
      throw new DomainError(
        'FRAMEWORK_NOT_FOUND',
        `There is no ${args.frameworkCode} ${args.version}.`,
        'version',
      );
    }
    const [items, levels, rows, linked, derivedRows] = await Promise.all([
      this.frameworks.findItemsByVersionIds([version.id]),
      this.frameworks.findLevelsByVersionIds([version.id]),
      this.evidence.coverageRows(principal.organisationId, ownerUserId, version.id, visibility),
      args.throughAlignments
        ? this.evidence.coverageThroughAlignmentsRows(
            principal.organisationId,
            ownerUserId,
            version.id,
            visibility,
          )
        : Promise.resolve([]),
      this.evidence.derivedCoverageRows(principal.organisationId, ownerUserId, version.id, visibility),
    ]);
    const derived = countDerivedCoverage(
      derivedRows.map((r) => ({
        itemCode: r.item_code,
        evidenceId: r.evidence_id,
        status: r.status,
        decision: r.decision as MappingDecision | null,
        via: r.via,
      })),
    );
    const parents = new Set(items.map((i) => i.parentId));
    const leaves = items.filter((i) => !parents.has(i.id));
    const cells = summariseCoverage(
      rows.map((r) => ({
        domainCode: r.item_code,
        levelCode: r.level_code ?? '',
        levelOrdinal: r.level_ordinal ?? 0,
        status: r.status as EvidenceStatus,
        decision: r.decision as MappingDecision | null,
      })),
      items.map((i) => i.code),
    );
    const title = new Map(items.map((i) => [i.code, i.title]));
    const levelName = new Map(levels.map((l) => [l.code, l.name]));
    const throughLinks = new Map(linked.map((r) => [r.item_code, r.approved]));
    const approved = new Set([
      ...cells.filter((c) => c.counts.approved > 0).map((c) => c.domainCode),
      ...throughLinks.keys(),
      ...[...derived].filter(([, c]) => c.carried > 0).map(([code]) => code),
    ]);
    return {
      frameworkCode: version.frameworkCode,
      version: version.version,
      cells: cells.map((c) => ({
        itemCode: c.domainCode,
        itemTitle: title.get(c.domainCode) ?? c.domainCode,
        levelCode: c.levelCode || null,
        levelName: c.levelCode ? (levelName.get(c.levelCode) ?? null) : null,
        levelOrdinal: c.levelCode ? c.levelOrdinal : null,
        ...c.counts,
      })),
      itemsWithoutApprovedEvidence: leaves.filter((i) => !approved.has(i.code)).map((i) => i.code),
      throughAlignments: items
        .filter((i) => throughLinks.has(i.code))
        .map((i) => ({ itemCode: i.code, itemTitle: i.title, approved: throughLinks.get(i.code)! })),
      derived: items
        .filter((i) => derived.has(i.code))
        .map((i) => ({ itemCode: i.code, itemTitle: i.title, ...derived.get(i.code)! })),
    };
  }
}

function toView(version: EvidenceVersionEntity, visibility: EvidenceView['visibility']): EvidenceView {
  return {
    id: version.evidenceId,
    ownerUserId: version.ownerUserId,
    current: toEvidenceVersion(version),
    visibility,
  };
}

/** Social Work England's registration year "2025-26": 1 December 2025 to 30 November 2026. */
function registrationYearRange(label: string): { from: string; to: string } {
  const start = Number(label.slice(0, 4));
  if (Number(label.slice(5, 7)) !== (start + 1) % 100) {
    throw new DomainError(
      'INVALID_DATE_RANGE',
      'A registration year is two consecutive years, like 2025-26.',
      'registrationYear',
    );
  }
  const year = registrationYearOf(`${start}-12-01`);
  return { from: year.start, to: year.end };
}

/** Ids of the rows that have a grant, grouped by the visibility the grant gives. */
function byVisibility<T>(
  rows: T[],
  idOf: (row: T) => string,
  grantOf: (row: T) => AccessGrant | undefined,
): { visibility: VersionVisibility; ids: string[] }[] {
  const groups = new Map<string, { visibility: VersionVisibility; ids: string[] }>();
  for (const row of rows) {
    const grant = grantOf(row);
    if (!grant) continue;
    const key = JSON.stringify(grant.visibility);
    const group = groups.get(key) ?? { visibility: grant.visibility, ids: [] };
    group.ids.push(idOf(row));
    groups.set(key, group);
  }
  return [...groups.values()];
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

const maxDate = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const minDate = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));
