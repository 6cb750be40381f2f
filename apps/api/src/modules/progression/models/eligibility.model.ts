import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { CriterionType, ProgressionMechanism, ProgressUnit } from '#app/domain';
import { CriterionTypeEnum, ProgressionMechanismEnum, ProgressUnitEnum } from './progression-enums.js';
import { PathwayStage, PathwayVersion } from './pathway.model.js';

@ObjectType({ description: '"3 of 5 pieces".' })
export class CriterionProgress {
  @Field(() => Float, { description: 'How much there is.' })
  current!: number;

  @Field(() => Float, { description: 'How much is needed.' })
  required!: number;

  @Field(() => ProgressUnitEnum, { description: 'What is counted.' })
  unit!: ProgressUnit;
}

@ObjectType({ description: 'Progress in one part of a criterion: a PCF domain, or a registration year.' })
export class ProgressPart {
  @Field({ description: 'Code.' })
  code!: string;

  @Field({ description: 'Label.' })
  label!: string;

  @Field(() => Float, { description: 'How much there is.' })
  current!: number;

  @Field(() => Float, { description: 'How much is needed.' })
  required!: number;

  @Field({ description: 'Met.' })
  met!: boolean;
}

@ObjectType({ description: 'How one criterion stands for a practitioner; mirrors the criterion tree.' })
export class CriterionOutcome {
  @Field(() => CriterionTypeEnum, { description: 'What it checks.' })
  type!: CriterionType;

  @Field({ description: 'What it asks, in plain English.' })
  label!: string;

  @Field({ description: 'Met on the evaluation date.' })
  met!: boolean;

  @Field(() => CriterionProgress, { description: 'Progress as numbers.' })
  progress!: CriterionProgress;

  @Field(() => String, { nullable: true, description: 'What is missing, in plain English; null when met.' })
  gap!: string | null;

  @Field(() => [ProgressPart], { description: 'Progress per domain or year, where the criterion has parts.' })
  parts!: ProgressPart[];

  @Field(() => [CriterionOutcome], { description: 'Child outcomes of ALL_OF / ANY_OF.' })
  children!: CriterionOutcome[];
}

@ObjectType({
  description:
    'Whether a practitioner may apply for (or be put forward on) a route. Never a promotion: a person decides.',
})
export class RouteEligibility {
  @Field({ description: 'Route key.' })
  routeKey!: string;

  @Field({ description: 'Stage the route leaves.' })
  fromStageKey!: string;

  @Field({ description: 'Stage the route reaches.' })
  toStageKey!: string;

  @Field(() => PathwayStage, { nullable: true, description: 'The stage the route reaches.' })
  toStage!: PathwayStage | null;

  @Field(() => ProgressionMechanismEnum, { description: 'How the move is decided.' })
  mechanism!: ProgressionMechanism;

  @Field({ description: 'May apply or be put forward.' })
  eligible!: boolean;

  @Field(() => Float, { description: 'How close, from 0 to 1 (1 only when eligible).' })
  closeness!: number;

  @Field(() => CriterionOutcome, { description: 'Each criterion: met or not, progress and the gap.' })
  outcome!: CriterionOutcome;

  @Field(() => [String], { description: 'The plain-English gaps of the unmet leaf criteria.' })
  gaps!: string[];
}

@ObjectType({
  description: 'Where a practitioner stands on a pathway and what stands between them and the next role.',
})
export class Progression {
  @Field(() => ID, { description: 'Practitioner.' })
  practitionerUserId!: string;

  @Field(() => PathwayVersion, { description: 'The published version evaluated against.' })
  version!: PathwayVersion;

  @Field(() => GraphQLLocalDate, { description: 'Evaluation date (YYYY-MM-DD, UK).' })
  asOf!: string;

  @Field(() => [PathwayStage], { description: 'Stages held now (none before a stage is recorded).' })
  currentStages!: PathwayStage[];

  @Field(() => [RouteEligibility], { description: 'The routes open from the current stages.' })
  routes!: RouteEligibility[];
}

@ObjectType({ description: 'A practitioner who is eligible, or close to it, for a route.' })
export class Candidate {
  practitionerUserId!: string;

  @Field({ description: 'Eligible now.' })
  eligible!: boolean;

  @Field(() => Float, { description: 'How close, from 0 to 1.' })
  closeness!: number;

  @Field(() => [String], { description: 'What is still missing.' })
  gaps!: string[];
}

@ObjectType({ description: 'A page of candidates, closest first.' })
export class CandidatePage {
  @Field(() => [Candidate], { description: 'Candidates.' })
  nodes!: Candidate[];

  @Field(() => Int, { description: 'Eligible now, in the whole organisation.' })
  eligibleCount!: number;

  @Field(() => Int, { description: 'Not eligible but at or above the closeness threshold.' })
  nearlyEligibleCount!: number;

  @Field({ description: 'More candidates follow.' })
  hasNextPage!: boolean;

  @Field({
    description:
      'True when this page was asked for with a valid `after` cursor, so candidates come before it; false on the first page.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first candidate of this page (null when the page is empty).',
  })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'How many people hold a stage.' })
export class StageCount {
  @Field(() => PathwayStage, { description: 'The stage.' })
  stage!: PathwayStage;

  @Field(() => Int, { description: 'People holding it now.' })
  people!: number;
}

@ObjectType({ description: 'A criterion and how many people on a route miss it.' })
export class UnmetCriterion {
  @Field({ description: 'Route key.' })
  routeKey!: string;

  @Field({ description: 'The criterion, in plain English.' })
  label!: string;

  @Field(() => Int, { description: 'People on the route who do not meet it.' })
  unmet!: number;
}

@ObjectType({ description: 'Eligibility per route across the organisation.' })
export class RouteSummary {
  @Field({ description: 'Route key.' })
  routeKey!: string;

  @Field({ description: 'From stage key.' })
  fromStageKey!: string;

  @Field({ description: 'To stage key.' })
  toStageKey!: string;

  @Field(() => Int, { description: 'People on the route’s starting stage (or entry).' })
  considered!: number;

  @Field(() => Int, { description: 'Eligible now.' })
  eligible!: number;

  @Field(() => Int, { description: 'Not yet eligible but at least 75% of the way.' })
  nearlyEligible!: number;

  @Field(() => Int, { description: 'Applications waiting for a decision.' })
  openApplications!: number;
}

@ObjectType({ description: 'The organisation’s progression at a glance, for PSWs.' })
export class ProgressionReport {
  @Field(() => GraphQLLocalDate, { description: 'Evaluation date.' })
  asOf!: string;

  @Field(() => Int, { description: 'Practitioners evaluated.' })
  practitioners!: number;

  @Field(() => [StageCount], { description: 'People per stage.' })
  stages!: StageCount[];

  @Field(() => [RouteSummary], { description: 'Eligible and nearly eligible per route.' })
  routes!: RouteSummary[];

  @Field(() => [UnmetCriterion], { description: 'The criteria most often unmet, most first (top 10).' })
  mostUnmet!: UnmetCriterion[];
}

@ObjectType({ description: 'A practitioner whose eligibility for a route a draft would change.' })
export class WhatIfPerson {
  @Field(() => ID, { description: 'User id.' })
  userId!: string;

  @Field({ description: 'Full name.' })
  fullName!: string;
}

@ObjectType({ description: 'How a draft would change eligibility per route, before publishing.' })
export class WhatIfRoute {
  @Field({ description: 'Route key.' })
  routeKey!: string;

  @Field(() => Int, { description: 'Eligible under the draft.' })
  eligibleUnderDraft!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Eligible under the published version (null: route is new).',
  })
  eligibleUnderPublished!: number | null;

  @Field(() => [WhatIfPerson], {
    description: 'Eligible under the draft and not under the published version, by name.',
  })
  gained!: WhatIfPerson[];

  @Field(() => [WhatIfPerson], {
    description: 'Eligible under the published version and not under the draft, by name.',
  })
  lost!: WhatIfPerson[];
}

@ObjectType({ description: 'The what-if comparison of a draft with the published version.' })
export class PathwayWhatIf {
  @Field(() => GraphQLLocalDate, { description: 'Evaluation date.' })
  asOf!: string;

  @Field(() => Int, { description: 'Practitioners evaluated.' })
  practitioners!: number;

  @Field(() => [WhatIfRoute], {
    description: 'Per route of the draft, then routes only the published version has.',
  })
  routes!: WhatIfRoute[];
}
