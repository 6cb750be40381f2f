import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { CoverageHeatMapArgs } from './dto/coverage-heat-map.args.js';
import { InsightPathwayArgs } from './dto/insight-pathway.args.js';
import { WorkforceInsightArgs } from './dto/workforce-insight.args.js';
import {
  CoverageHeatMap,
  ProgressionPipeline,
  ReviewTurnaround,
  StageDistribution,
  WorkforceInsight,
} from './models/workforce-insight.model.js';
import { ComplianceInsightService } from './compliance-insight.service.js';
import {
  CpdComplianceInsight,
  EarlyCareerCohort,
  SupervisionInsight,
} from './models/compliance-insight.model.js';
import { WorkforceInsightService, type ResolvedInsight } from './workforce-insight.service.js';

type InsightParent = WorkforceInsight & { resolved: ResolvedInsight };

/** Each figure is its own field, computed only when asked for. */
@Resolver(() => WorkforceInsight)
export class WorkforceInsightResolver {
  constructor(
    private readonly service: WorkforceInsightService,
    private readonly compliance: ComplianceInsightService,
  ) {}

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => WorkforceInsight, {
    description:
      'Where the organisation (or one team) stands, for PSWs and administrators: aggregated figures, small teams without breakdowns, names only for PSWs.',
  })
  async workforceInsight(
    @CurrentPrincipal() principal: Principal,
    @Args() args: WorkforceInsightArgs,
  ): Promise<InsightParent> {
    const resolved = await this.service.scope(principal, args);
    return { scope: resolved.model, resolved };
  }

  @ResolveField(() => CoverageHeatMap, {
    description: 'Approved evidence per domain and level (PCF by default), thinnest domains first.',
  })
  coverageHeatMap(@Parent() parent: InsightParent, @Args() args: CoverageHeatMapArgs) {
    return this.service.coverageHeatMap(parent.resolved, args.frameworkCode, args.version);
  }

  @ResolveField(() => ReviewTurnaround, {
    description: 'Days from submission to decision (median, 90th percentile) and the backlog by age.',
  })
  reviewTurnaround(@Parent() parent: InsightParent) {
    return this.service.reviewTurnaround(parent.resolved);
  }

  @ResolveField(() => StageDistribution, {
    nullable: true,
    description:
      'People per stage and PCF level, and movements between stages; null without a published pathway.',
  })
  stageDistribution(@Parent() parent: InsightParent, @Args() args: InsightPathwayArgs) {
    return this.service.stageDistribution(parent.resolved, args.pathwayId);
  }

  @ResolveField(() => ProgressionPipeline, {
    nullable: true,
    description:
      'Eligible and nearly eligible per route, applications and decisions; null without a published pathway.',
  })
  progressionPipeline(
    @CurrentPrincipal() principal: Principal,
    @Parent() parent: InsightParent,
    @Args() args: InsightPathwayArgs,
  ) {
    return this.service.progressionPipeline(principal, parent.resolved, args.pathwayId);
  }

  @ResolveField(() => CpdComplianceInsight, {
    description:
      'CPD compliance for the current registration year per team, and who is at risk with days left.',
  })
  cpdCompliance(@Parent() parent: InsightParent) {
    return this.compliance.cpdCompliance(parent.resolved);
  }

  @ResolveField(() => SupervisionInsight, {
    description:
      'Share of practitioners supervised as the organisation’s policy requires, and who is overdue.',
  })
  supervision(@Parent() parent: InsightParent) {
    return this.compliance.supervisionInsight(parent.resolved);
  }

  @ResolveField(() => EarlyCareerCohort, {
    description: 'Each NQSW’s ASYE progress against its review points and required evidence.',
  })
  earlyCareerCohort(@Parent() parent: InsightParent) {
    return this.compliance.earlyCareerCohort(parent.resolved);
  }
}
