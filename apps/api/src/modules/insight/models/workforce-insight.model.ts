import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType('InsightScope', { description: 'Who and when a workforce insight covers, and what it may show.' })
export class InsightScopeModel {
  @Field(() => ID, { nullable: true, description: 'The team, or null for the whole organisation.' })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'The team’s name.' })
  teamName!: string | null;

  @Field(() => GraphQLLocalDate, { description: 'First day covered (YYYY-MM-DD).' })
  from!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day covered (YYYY-MM-DD).' })
  to!: string;

  @Field(() => Int, { description: 'Active practitioners in scope.' })
  practitioners!: number;

  @Field(() => Int, { description: 'Smallest group shown with breakdowns (INSIGHT_MIN_GROUP_SIZE).' })
  minGroupSize!: number;

  @Field({
    description: 'True when the scope is smaller than the minimum group size: only totals are shown.',
  })
  suppressed!: boolean;

  @Field({ description: 'Whether the caller may see named individuals (Principal Social Workers may).' })
  individualsVisible!: boolean;
}

@ObjectType({
  description: 'Organisation-wide figures for PSWs and administrators, each computed on request.',
})
export class WorkforceInsight {
  @Field(() => InsightScopeModel, { description: 'What the figures cover.' })
  scope!: InsightScopeModel;
}

@ObjectType({ description: 'Approved evidence at one framework item and level.' })
export class CoverageHeatCell {
  @Field({ description: 'Item code, e.g. KNOWLEDGE.' })
  itemCode!: string;

  @Field({ description: 'Item title.' })
  itemTitle!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Accepted level code; null for frameworks without levels.',
  })
  levelCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Level name.' })
  levelName!: string | null;

  @Field(() => Int, { nullable: true, description: 'Level ordinal (1 lowest).' })
  levelOrdinal!: number | null;

  @Field(() => Int, { description: 'Approved pieces of evidence.' })
  pieces!: number;

  @Field(() => Int, { description: 'Practitioners they belong to.' })
  people!: number;
}

@ObjectType({ description: 'Approved evidence per domain, all levels together.' })
export class DomainCoverage {
  @Field({ description: 'Item code.' })
  itemCode!: string;

  @Field({ description: 'Item title.' })
  itemTitle!: string;

  @Field(() => Int, { description: 'Approved pieces of evidence.' })
  pieces!: number;

  @Field(() => Int, { description: 'Practitioners with approved evidence here.' })
  people!: number;
}

@ObjectType({
  description: 'Where the organisation’s approved evidence sits across a framework’s domains and levels.',
})
export class CoverageHeatMap {
  @Field({ description: 'Framework code, e.g. PCF.' })
  frameworkCode!: string;

  @Field({ description: 'Framework version.' })
  version!: string;

  @Field(() => Int, { description: 'Approved pieces signed off in the range, in all domains.' })
  approvedPieces!: number;

  @Field({ description: 'True when the scope is too small for a breakdown: cells and domains are empty.' })
  suppressed!: boolean;

  @Field(() => [CoverageHeatCell], { description: 'Every domain × level, zeros included.' })
  cells!: CoverageHeatCell[];

  @Field(() => [DomainCoverage], { description: 'Domains, thinnest first: where training would help most.' })
  domains!: DomainCoverage[];
}

@ObjectType({ description: 'Days from submission to decision for one reviewer.' })
export class ReviewerTurnaround {
  @Field(() => ID, { description: 'The reviewer.' })
  reviewerUserId!: string;

  @Field({ description: 'The reviewer’s name.' })
  reviewerName!: string;

  @Field(() => Int, { description: 'Decisions in the range.' })
  decisions!: number;

  @Field(() => Float, { nullable: true, description: 'Median days.' })
  medianDays!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of days.' })
  p90Days!: number | null;
}

@ObjectType({ description: 'Days from submission to decision for a team’s practitioners.' })
export class TeamTurnaround {
  @Field(() => ID, { nullable: true, description: 'The team; null for practitioners without one.' })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'Team name.' })
  teamName!: string | null;

  @Field({ description: 'True when the team is too small to show: the figures are null.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Decisions in the range.' })
  decisions!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days.' })
  medianDays!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of days.' })
  p90Days!: number | null;
}

@ObjectType({ description: 'Submissions waiting for a decision, by how long they have waited.' })
export class BacklogBucket {
  @Field({ description: 'E.g. "8–14 days".' })
  label!: string;

  @Field(() => Int, { description: 'Waiting at least this many days.' })
  minDays!: number;

  @Field(() => Int, { nullable: true, description: 'And fewer than this many; null for the oldest bucket.' })
  maxDays!: number | null;

  @Field(() => Int, { description: 'Submissions waiting.' })
  waiting!: number;
}

@ObjectType({ description: 'How long evidence waits for sign-off.' })
export class ReviewTurnaround {
  @Field(() => Int, { description: 'Decisions in the range.' })
  decisions!: number;

  @Field(() => Float, { nullable: true, description: 'Median days from submission to decision.' })
  medianDays!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of days from submission to decision.' })
  p90Days!: number | null;

  @Field(() => [ReviewerTurnaround], {
    description: 'Per reviewer, named; empty unless the caller may see individuals (a PSW).',
  })
  byReviewer!: ReviewerTurnaround[];

  @Field(() => [TeamTurnaround], { description: 'Per team of the practitioner; small teams suppressed.' })
  byTeam!: TeamTurnaround[];

  @Field(() => Int, { description: 'Submissions waiting for a decision now.' })
  waiting!: number;

  @Field(() => [BacklogBucket], { description: 'The waiting submissions by age.' })
  backlog!: BacklogBucket[];
}

@ObjectType({ description: 'Practitioners holding a stage.' })
export class InsightStageCount {
  @Field({ description: 'Stage key.' })
  stageKey!: string;

  @Field({ description: 'Stage name.' })
  stageName!: string;

  @Field(() => String, { nullable: true, description: 'PCF level the stage sits at.' })
  pcfLevelCode!: string | null;

  @Field(() => Int, { description: 'Practitioners.' })
  people!: number;
}

@ObjectType({ description: 'Practitioners at a PCF level (through the stage they hold).' })
export class InsightLevelCount {
  @Field(() => String, { nullable: true, description: 'PCF level code; null for stages without one.' })
  pcfLevelCode!: string | null;

  @Field(() => Int, { description: 'Practitioners.' })
  people!: number;
}

@ObjectType({ description: 'Moves from one stage to another in a month.' })
export class StageMovement {
  @Field({ description: 'Month (YYYY-MM).' })
  month!: string;

  @Field({ description: 'Stage moved from.' })
  fromStageKey!: string;

  @Field({ description: 'Stage moved to.' })
  toStageKey!: string;

  @Field(() => Int, { description: 'Practitioners who moved.' })
  people!: number;
}

@ObjectType({ description: 'Who holds which stage and level, and how people moved.' })
export class StageDistribution {
  @Field(() => ID, { description: 'The published pathway.' })
  pathwayId!: string;

  @Field(() => GraphQLLocalDate, { description: 'Day the counts are taken (the range’s last day).' })
  asOf!: string;

  @Field({ description: 'True when the scope is too small for a breakdown: lists are empty.' })
  suppressed!: boolean;

  @Field(() => Int, { description: 'Practitioners in scope holding any stage.' })
  people!: number;

  @Field(() => [InsightStageCount], { description: 'Per stage, in the pathway’s order.' })
  stages!: InsightStageCount[];

  @Field(() => [InsightLevelCount], { description: 'Per PCF level.' })
  levels!: InsightLevelCount[];

  @Field(() => [StageMovement], { description: 'Moves between stages that started within the range.' })
  movements!: StageMovement[];
}

@ObjectType({ description: 'The pipeline of one route: who could apply, and what happened to applications.' })
export class RoutePipeline {
  @Field({ description: 'Route key.' })
  routeKey!: string;

  @Field({ description: 'From stage.' })
  fromStageKey!: string;

  @Field({ description: 'To stage.' })
  toStageKey!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Eligible now (whole organisation; null when a team is chosen or the scope is too small).',
  })
  eligible!: number | null;

  @Field(() => Int, { nullable: true, description: 'Nearly eligible now (same scope as `eligible`).' })
  nearlyEligible!: number | null;

  @Field(() => Int, { description: 'Applications submitted in the range.' })
  submitted!: number;

  @Field(() => Int, { description: 'Applications open now.' })
  open!: number;

  @Field(() => Int, { description: 'Approved in the range.' })
  approved!: number;

  @Field(() => Int, { description: 'Deferred in the range.' })
  deferred!: number;

  @Field(() => Int, { description: 'Declined in the range.' })
  declined!: number;

  @Field(() => Int, { description: 'Withdrawn (of those submitted in the range).' })
  withdrawn!: number;
}

@ObjectType({ description: 'The progression pipeline of the published pathway.' })
export class ProgressionPipeline {
  @Field(() => ID, { description: 'The published pathway.' })
  pathwayId!: string;

  @Field({ description: 'True when the scope is too small for a breakdown: routes are empty.' })
  suppressed!: boolean;

  @Field(() => [RoutePipeline], { description: 'Per route.' })
  routes!: RoutePipeline[];
}
