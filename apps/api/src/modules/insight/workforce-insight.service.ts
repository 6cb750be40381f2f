import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, isGroupDisclosable, resolveInsightRange, type PractitionerCpdFacts } from '#app/domain';
import {
  BACKLOG_BUCKETS,
  FrameworkRepository,
  InsightRepository,
  PathwayRepository,
  TeamRepository,
  type InsightScope,
  type MemberFacts,
  type PathwayVersionEntity,
  type TeamSize,
} from '#app/persistence';
import { hasAnyRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { EligibilityService } from '../progression/eligibility.service.js';
import { ComplianceInsightService } from './compliance-insight.service.js';
import type { WorkforceInsightArgs } from './dto/workforce-insight.args.js';
import type {
  BacklogBucket,
  CoverageHeatMap,
  InsightScopeModel,
  ProgressionPipeline,
  ReviewTurnaround,
  StageDistribution,
} from './models/workforce-insight.model.js';

export const INSIGHT_ROLES = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

/**
 * Reads several parts of one request need, made once by the first part that asks and shared by the
 * others (each is a promise, so parts resolving at the same time wait for the same read). They live
 * as long as the request's parent object: nothing is kept between requests.
 */
export interface SharedInsightReads {
  /** Active practitioners in scope. */
  members?: Promise<MemberFacts[]>;
  /** Their CPD facts (those with a regulator recorded). */
  cpdFacts?: Promise<PractitionerCpdFacts[]>;
}

/** A resolved insight scope, as the field resolvers receive it from the parent. */
export interface ResolvedInsight {
  scope: InsightScope;
  model: InsightScopeModel;
  teams: TeamSize[];
  shared: SharedInsightReads;
}

/**
 * Workforce insight for PSWs and administrators. Every figure is aggregated in the database (see
 * InsightRepository); this service resolves the scope, applies the small-group rule (a scope or
 * team with fewer practitioners than INSIGHT_MIN_GROUP_SIZE shows totals only) and names
 * individuals only to Principal Social Workers.
 */
@Injectable()
export class WorkforceInsightService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly insight: InsightRepository,
    private readonly teams: TeamRepository,
    private readonly frameworks: FrameworkRepository,
    private readonly pathways: PathwayRepository,
    private readonly eligibility: EligibilityService,
    private readonly compliance: ComplianceInsightService,
    private readonly clock: Clock,
  ) {}

  async scope(principal: Principal, args: WorkforceInsightArgs): Promise<ResolvedInsight> {
    if (!hasAnyRole(principal, INSIGHT_ROLES)) {
      throw new DomainError('ROLE_REQUIRED', 'Workforce insight is for PSWs and administrators.');
    }
    const { organisationId } = principal;
    const range = resolveInsightRange(args.from, args.to, this.clock.today());
    const teamId = args.teamId ?? null;
    const team = teamId ? await this.teams.findById(organisationId, teamId) : null;
    if (teamId && !team)
      throw new DomainError('TEAM_NOT_FOUND', 'No such team in your organisation.', 'teamId');
    const teams = await this.insight.teamSizes(organisationId);
    const practitioners = teamId
      ? (teams.find((t) => t.teamId === teamId)?.practitioners ?? 0)
      : teams.reduce((sum, t) => sum + t.practitioners, 0);
    const minGroupSize = this.config.insight.minGroupSize;
    return {
      scope: { organisationId, teamId, ...range },
      teams,
      shared: {},
      model: {
        teamId,
        teamName: team?.name ?? null,
        ...range,
        practitioners,
        minGroupSize,
        suppressed: !isGroupDisclosable(practitioners, minGroupSize),
        individualsVisible: principal.roles.includes('PRINCIPAL_SOCIAL_WORKER'),
      },
    };
  }

  async coverageHeatMap(
    insight: ResolvedInsight,
    frameworkCode: string,
    version?: string | null,
  ): Promise<CoverageHeatMap> {
    const { organisationId } = insight.scope;
    const framework = await this.frameworks.findByCode(frameworkCode, organisationId);
    const versions = framework ? await this.frameworks.findVersionsByFrameworkIds([framework.id]) : [];
    const chosen = version
      ? versions.find((v) => v.version === version)
      : (versions.find((v) => v.status === 'CURRENT') ?? versions[0]);
    if (!framework || !chosen) {
      throw new DomainError(
        'FRAMEWORK_NOT_FOUND',
        `There is no ${frameworkCode}${version ? ` ${version}` : ''}.`,
        version ? 'version' : 'frameworkCode',
      );
    }
    const [items, levels, counts] = await Promise.all([
      this.frameworks.findItemsByVersionIds([chosen.id]),
      this.frameworks.findLevelsByVersionIds([chosen.id]),
      this.insight.coverage(insight.scope, chosen.id),
    ]);
    const parents = new Set(items.map((i) => i.parentId));
    const leaves = items.filter((i) => !parents.has(i.id));
    const approvedPieces = counts.find((c) => c.grouping === 'ALL')?.pieces ?? 0;
    const base = {
      frameworkCode,
      version: chosen.version,
      approvedPieces,
      suppressed: insight.model.suppressed,
    };
    if (insight.model.suppressed) return { ...base, cells: [], domains: [] };
    const count = (itemCode: string, levelCode: string | null) =>
      counts.find((c) => c.grouping === 'CELL' && c.itemCode === itemCode && c.levelCode === levelCode);
    const levelSlots =
      levels.length > 0 ? levels.map((l) => ({ code: l.code, name: l.name, ordinal: l.ordinal })) : [null];
    const cells = leaves.flatMap((item) =>
      levelSlots.map((level) => {
        const c = count(item.code, level?.code ?? null);
        return {
          itemCode: item.code,
          itemTitle: item.title,
          levelCode: level?.code ?? null,
          levelName: level?.name ?? null,
          levelOrdinal: level?.ordinal ?? null,
          pieces: c?.pieces ?? 0,
          people: c?.people ?? 0,
        };
      }),
    );
    const domains = leaves
      .map((item) => {
        const total = counts.find((c) => c.grouping === 'ITEM' && c.itemCode === item.code);
        return {
          itemCode: item.code,
          itemTitle: item.title,
          pieces: total?.pieces ?? 0,
          people: total?.people ?? 0,
        };
      })
      .sort((a, b) => a.pieces - b.pieces || a.itemCode.localeCompare(b.itemCode));
    return { ...base, cells, domains };
  }

  async reviewTurnaround(insight: ResolvedInsight): Promise<ReviewTurnaround> {
    const [rows, backlogRows] = await Promise.all([
      this.insight.turnaround(insight.scope),
      this.insight.backlog(insight.scope, this.clock.now()),
    ]);
    const all = rows.find((r) => r.grouping === 'ALL');
    const min = insight.model.minGroupSize;
    const teamSize = new Map(insight.teams.map((t) => [t.teamId, t]));
    const backlog: BacklogBucket[] = BACKLOG_BUCKETS.map((minDays, i) => {
      const maxDays = BACKLOG_BUCKETS[i + 1] ?? null;
      return {
        label: maxDays === null ? `${minDays}+ days` : `${minDays}–${maxDays - 1} days`,
        minDays,
        maxDays,
        waiting: backlogRows.filter((b) => b.bucket === i).reduce((sum, b) => sum + b.waiting, 0),
      };
    });
    const showIndividuals = insight.model.individualsVisible && !insight.model.suppressed;
    return {
      decisions: all?.decisions ?? 0,
      medianDays: all?.medianDays ?? null,
      p90Days: all?.p90Days ?? null,
      byReviewer: showIndividuals
        ? rows
            .filter((r) => r.grouping === 'REVIEWER')
            .map((r) => ({
              reviewerUserId: r.reviewerUserId!,
              reviewerName: r.reviewerName!,
              decisions: r.decisions,
              medianDays: r.medianDays,
              p90Days: r.p90Days,
            }))
        : [],
      byTeam: rows
        .filter((r) => r.grouping === 'TEAM')
        .map((r) => {
          const team = teamSize.get(r.teamId);
          const suppressed = !isGroupDisclosable(team?.practitioners ?? 0, min);
          return {
            teamId: r.teamId,
            teamName: team?.teamName ?? null,
            suppressed,
            decisions: suppressed ? null : r.decisions,
            medianDays: suppressed ? null : r.medianDays,
            p90Days: suppressed ? null : r.p90Days,
          };
        }),
      waiting: backlog.reduce((sum, b) => sum + b.waiting, 0),
      backlog,
    };
  }

  async stageDistribution(
    insight: ResolvedInsight,
    pathwayId?: string | null,
  ): Promise<StageDistribution | null> {
    const version = await this.published(insight.scope.organisationId, pathwayId);
    if (!version) return null;
    const [counts, movements] = await Promise.all([
      this.insight.stageCounts(insight.scope, version.pathwayId, version.id),
      this.insight.stageMovements(insight.scope, version.pathwayId),
    ]);
    const byStage = counts.filter((c) => c.stageKey !== null);
    const base = {
      pathwayId: version.pathwayId,
      asOf: insight.scope.to,
      suppressed: insight.model.suppressed,
      people: byStage.reduce((sum, c) => sum + c.people, 0),
    };
    if (insight.model.suppressed) return { ...base, stages: [], levels: [], movements: [] };
    return {
      ...base,
      stages: version.design.stages.map((s) => ({
        stageKey: s.key,
        stageName: s.name,
        pcfLevelCode: s.pcfLevelCode,
        people: byStage.find((c) => c.stageKey === s.key)?.people ?? 0,
      })),
      levels: counts
        .filter((c) => c.stageKey === null)
        .map((c) => ({ pcfLevelCode: c.pcfLevelCode, people: c.people }))
        .sort((a, b) => (a.pcfLevelCode ?? '').localeCompare(b.pcfLevelCode ?? '')),
      movements,
    };
  }

  async progressionPipeline(
    principal: Principal,
    insight: ResolvedInsight,
    pathwayId?: string | null,
  ): Promise<ProgressionPipeline | null> {
    const version = await this.published(insight.scope.organisationId, pathwayId);
    if (!version) return null;
    if (insight.model.suppressed) return { pathwayId: version.pathwayId, suppressed: true, routes: [] };
    const [applications, report] = await Promise.all([
      this.insight.applications(insight.scope, version.pathwayId),
      // Eligibility is evaluated for the whole organisation (the engine runs in memory on facts
      // loaded set-based); it is shown only when no team is chosen.
      // The CPD facts are the ones cpdCompliance reads for the same people, read once per request.
      insight.scope.teamId
        ? Promise.resolve(null)
        : this.eligibility.report(principal, version.pathwayId, {
            cpdFacts: (userIds) => this.compliance.cpdFactsOf(insight, userIds),
          }),
    ]);
    return {
      pathwayId: version.pathwayId,
      suppressed: false,
      routes: version.design.routes.map((route) => {
        const counts = applications.find((a) => a.routeKey === route.key);
        const eligibility = report?.routes.find((r) => r.routeKey === route.key);
        return {
          routeKey: route.key,
          fromStageKey: route.fromStageKey,
          toStageKey: route.toStageKey,
          eligible: eligibility?.eligible ?? null,
          nearlyEligible: eligibility?.nearlyEligible ?? null,
          submitted: counts?.submitted ?? 0,
          open: counts?.open ?? 0,
          approved: counts?.approved ?? 0,
          deferred: counts?.deferred ?? 0,
          declined: counts?.declined ?? 0,
          withdrawn: counts?.withdrawn ?? 0,
        };
      }),
    };
  }

  private async published(
    organisationId: string,
    pathwayId?: string | null,
  ): Promise<PathwayVersionEntity | null> {
    const [version] = await this.pathways.findPublished(organisationId, pathwayId ?? undefined);
    if (!version && pathwayId) {
      throw new DomainError('PATHWAY_NOT_FOUND', 'No published version of this pathway here.', 'pathwayId');
    }
    return version ?? null;
  }
}
