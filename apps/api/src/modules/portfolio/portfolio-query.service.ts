import { Injectable } from '@nestjs/common';
import {
  DomainError,
  registrationYearOf,
  summariseCoverage,
  type EvidenceStatus,
  type MappingDecision,
} from '#app/domain';
import { EvidenceRepository, FrameworkRepository, type EvidenceVersionEntity } from '#app/persistence';
import type { Principal } from '../../auth/principal.js';
import { decodeCursor, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { CoverageArgs, PortfolioArgs } from './dto/portfolio.args.js';
import { toEvidenceVersion } from './evidence-model.mapper.js';
import type { Coverage } from './models/coverage.model.js';
import type { Evidence } from './models/evidence.model.js';
import { PortfolioAccessService } from './portfolio-access.service.js';

/** A loaded piece of evidence, with the visibility it was loaded under (for its versions). */
export type EvidenceView = Evidence & { visibility: import('#app/persistence').VersionVisibility };

/** Reads of portfolios: lists, single pieces and coverage, each through the caller's access. */
@Injectable()
export class PortfolioQueryService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly frameworks: FrameworkRepository,
    private readonly access: PortfolioAccessService,
  ) {}

  async portfolio(principal: Principal, args: PortfolioArgs): Promise<ConnectionShape<EvidenceView>> {
    const ownerUserId = args.practitionerUserId ?? principal.userId;
    const { visibility } = await this.access.require(principal, ownerUserId);
    const after = decodeCursor(args.after, 2) as [string, string] | null;
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
      after,
      args.first + 1,
    );
    const connection = toConnection(rows, args.first, (v) => [v.dateFrom, v.evidenceId]);
    const nodes = connection.nodes.map((v) => toView(v, visibility));
    return {
      nodes,
      edges: connection.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i]! })),
      pageInfo: connection.pageInfo,
    };
  }

  /** One piece of evidence, if the caller may see any version of it. */
  async evidenceById(principal: Principal, evidenceId: string): Promise<EvidenceView> {
    const [evidence] = await this.evidence.findEvidenceByIds(principal.organisationId, [evidenceId]);
    const granted = evidence ? await this.access.find(principal, evidence.ownerUserId) : null;
    const versions = granted
      ? await this.evidence.findVersionsByEvidenceIds(
          principal.organisationId,
          [evidenceId],
          granted.visibility,
        )
      : [];
    if (!granted || versions.length === 0) {
      throw new DomainError('EVIDENCE_NOT_FOUND', 'No such evidence that you may see.', 'id');
    }
    return toView(versions[0]!, granted.visibility);
  }

  async coverage(principal: Principal, args: CoverageArgs): Promise<Coverage> {
    const ownerUserId = args.practitionerUserId ?? principal.userId;
    const { visibility } = await this.access.require(principal, ownerUserId);
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
    const [items, levels, rows] = await Promise.all([
      this.frameworks.findItemsByVersionIds([version.id]),
      this.frameworks.findLevelsByVersionIds([version.id]),
      this.evidence.coverageRows(principal.organisationId, ownerUserId, version.id, visibility),
    ]);
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
    const approved = new Set(cells.filter((c) => c.counts.approved > 0).map((c) => c.domainCode));
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

const maxDate = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const minDate = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));
