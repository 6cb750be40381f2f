import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import type {
  CriterionType,
  EvidenceKind,
  PathwayDesign,
  ProgressionMechanism,
  QualificationType,
} from '#app/domain';
import type { PathwayVersionStatus } from '#app/persistence';
import { EvidenceKindEnum } from '../../portfolio/models/portfolio-enums.js';
import { QualificationTypeEnum } from '../../qualifications/models/qualification.model.js';
import {
  CriterionTypeEnum,
  PathwayVersionStatusEnum,
  ProgressionMechanismEnum,
} from './progression-enums.js';
import { Node } from '../../../graphql/node.model.js';

@ObjectType({ description: 'A route criterion as designed; which fields are set depends on `type`.' })
export class CriterionSpec {
  @Field(() => CriterionTypeEnum, { description: 'What it checks.' })
  type!: CriterionType;

  @Field(() => [CriterionSpec], { nullable: true, description: 'ALL_OF / ANY_OF children.' })
  criteria?: CriterionSpec[];

  @Field(() => Int, { nullable: true, description: 'Months.' })
  months?: number;

  @Field(() => Int, { nullable: true, description: 'Lowest PCF level ordinal that counts.' })
  minLevelOrdinal?: number;

  @Field(() => String, { nullable: true, description: 'Lowest PCF level code that counts.' })
  minLevelCode?: string;

  @Field(() => [String], { nullable: true, description: 'PCF domain codes (null with allDomains).' })
  domainCodes?: string[];

  @Field({ nullable: true, description: 'All nine PCF domains.' })
  allDomains?: boolean;

  @Field(() => Int, { nullable: true, description: 'Pieces needed in each domain.' })
  minPiecesPerDomain?: number;

  @Field(() => Int, { nullable: true, description: 'Only evidence from the last N months.' })
  withinMonths?: number;

  @Field(() => [EvidenceKindEnum], { nullable: true, description: 'Only these kinds of evidence.' })
  kinds?: EvidenceKind[];

  @Field(() => String, { nullable: true, description: 'Framework code.' })
  frameworkCode?: string;

  @Field(() => String, { nullable: true, description: 'Framework version.' })
  version?: string;

  @Field(() => Float, { nullable: true, description: 'Share of items.' })
  minShare?: number;

  @Field(() => String, { nullable: true, description: 'Only items of this kind.' })
  itemKind?: string;

  @Field(() => QualificationTypeEnum, { nullable: true, description: 'Qualification type.' })
  qualificationType?: QualificationType;

  @Field(() => Int, { nullable: true, description: 'Credits needed.' })
  minCredits?: number;

  @Field({ nullable: true, description: 'Current on the day of evaluation.' })
  currentOnEvaluationDate?: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Current on this day.' })
  currentOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Completed registration years.' })
  registrationYears?: number;

  @Field(() => String, { nullable: true, description: 'Stage key.' })
  stageKey?: string;
}

@ObjectType({ description: 'A role on a pathway.' })
export class PathwayStage {
  @Field({ description: 'Stable key.' })
  key!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'What the role is.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'PCF level code.' })
  pcfLevelCode!: string | null;

  @Field(() => String, { nullable: true, description: 'PCF pathway code.' })
  pcfPathwayCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Typical grade.' })
  typicalGrade!: string | null;
}

@ObjectType({ description: 'A route between two stages and what it takes.' })
export class PathwayRoute {
  @Field({ description: 'Stable key.' })
  key!: string;

  @Field({ description: 'Stage it leaves.' })
  fromStageKey!: string;

  @Field({ description: 'Stage it reaches.' })
  toStageKey!: string;

  @Field(() => ProgressionMechanismEnum, { description: 'How the move is decided.' })
  mechanism!: ProgressionMechanism;

  @Field(() => CriterionSpec, { description: 'The criteria.' })
  criteria!: CriterionSpec;

  @Field(() => GraphQLJSONObject, { description: 'The criteria as one JSON document, whatever their depth.' })
  criteriaDocument!: Record<string, unknown>;
}

@ObjectType({ description: 'One version of a pathway.', implements: () => [Node] })
export class PathwayVersion {
  @Field(() => ID, { description: 'Version id.' })
  id!: string;

  @Field(() => ID, { description: 'Pathway id.' })
  pathwayId!: string;

  @Field(() => Int, { description: 'Version number, from 1.' })
  versionNo!: number;

  @Field(() => PathwayVersionStatusEnum, { description: 'Draft, published or retired.' })
  status!: PathwayVersionStatus;

  @Field(() => Int, { description: 'Counts edits of a draft; pass it back when editing.' })
  revision!: number;

  @Field({ description: 'The PCF version the design refers to.' })
  pcfVersion!: string;

  @Field(() => [PathwayStage], { description: 'Stages.' })
  stages!: PathwayStage[];

  @Field(() => [PathwayRoute], { description: 'Routes.' })
  routes!: PathwayRoute[];

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  publishedAt!: Date | null;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  design!: PathwayDesign;
}

@ObjectType({ description: 'A career pathway of the organisation.', implements: () => [Node] })
export class Pathway {
  @Field(() => ID, { description: 'Pathway id.' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'What it is for.' })
  description!: string;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;
}
