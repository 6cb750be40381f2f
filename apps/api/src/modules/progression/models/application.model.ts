import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { ApplicationStatus, StageDecision } from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';
import { RouteEligibility } from './eligibility.model.js';
import { ApplicationStatusEnum, StageDecisionEnum } from './progression-enums.js';
import { Node } from '../../../graphql/node.model.js';

@ObjectType({
  description: 'An application (or nomination) for a route, with the eligibility it was made on.',
  implements: () => [Node],
})
export class ProgressionApplication {
  @Field(() => ID, { description: 'Application id.' })
  id!: string;

  userId!: string;
  submittedByUserId!: string;
  decidedByUserId!: string | null;

  @Field(() => ID, { description: 'The pathway version it was made under.' })
  pathwayVersionId!: string;

  @Field({ description: 'Route key.' })
  routeKey!: string;

  @Field(() => ApplicationStatusEnum, { description: 'Where it stands.' })
  status!: ApplicationStatus;

  @Field({ description: 'When it was made.' })
  submittedAt!: Date;

  @Field(() => RouteEligibility, { description: 'The eligibility shown when it was made (a snapshot).' })
  eligibilitySnapshot!: RouteEligibility;

  @Field(() => [ID], { description: 'The approved evidence it rested on.' })
  evidenceIds!: string[];

  @Field(() => String, { nullable: true, description: 'Supporting statement.' })
  statement!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided or withdrawn.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Reasons given with the decision.' })
  decisionReasons!: string | null;
}

export const ProgressionApplicationConnection = Connection(ProgressionApplication, 'ProgressionApplication');

@ObjectType({ description: 'A spell a practitioner spent in a stage.' })
export class PractitionerStage {
  @Field(() => ID, { description: 'Spell id.' })
  id!: string;

  @Field(() => ID, { description: 'Pathway.' })
  pathwayId!: string;

  @Field({ description: 'Stage key.' })
  stageKey!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day.' })
  fromDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day, or null while held.' })
  toDate!: string | null;

  @Field(() => StageDecisionEnum, { description: 'How it was decided.' })
  howDecided!: StageDecision;

  @Field(() => ID, { nullable: true, description: 'The application that led to it.' })
  applicationId!: string | null;
}
