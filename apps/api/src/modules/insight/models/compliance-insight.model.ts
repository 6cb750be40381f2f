import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@ObjectType({ description: 'CPD compliance of one team for the current registration year.' })
export class TeamCpdCompliance {
  @Field(() => ID, { nullable: true, description: 'The team; null for practitioners without one.' })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'Team name.' })
  teamName!: string | null;

  @Field({ description: 'True when the team is too small to show: the figures are null.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Practitioners whose CPD could be judged.' })
  evaluated!: number | null;

  @Field(() => Int, { nullable: true, description: 'Requirements met (or exempt).' })
  met!: number | null;

  @Field(() => Int, { nullable: true, description: 'At risk of missing the deadline.' })
  atRisk!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share met, 0 to 1.' })
  rate!: number | null;
}

@ObjectType({ description: 'A practitioner at risk of missing their CPD deadline.' })
export class CpdPersonAtRisk {
  @Field(() => ID, { description: 'The practitioner.' })
  practitionerUserId!: string;

  @Field({ description: 'Their name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Their team.' })
  teamName!: string | null;

  @Field({ description: 'Their regulator.' })
  regulator!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of their registration year.' })
  periodEnd!: string;

  @Field(() => Int, { description: 'Days left to the deadline.' })
  daysLeft!: number;
}

@ObjectType({
  description: 'CPD compliance for the current registration year of each practitioner’s regulator.',
})
export class CpdComplianceInsight {
  @Field(() => Int, { description: 'Practitioners in scope.' })
  practitioners!: number;

  @Field(() => Int, {
    description: 'Practitioners whose CPD could be judged (a regulator and registration known).',
  })
  evaluated!: number;

  @Field(() => Int, { description: 'Requirements met (or exempt).' })
  met!: number;

  @Field(() => Int, { description: 'At risk of missing the deadline.' })
  atRisk!: number;

  @Field(() => Float, { nullable: true, description: 'Share met, 0 to 1; null when nobody could be judged.' })
  rate!: number | null;

  @Field(() => [TeamCpdCompliance], { description: 'Per team; small teams suppressed.' })
  byTeam!: TeamCpdCompliance[];

  @Field(() => [CpdPersonAtRisk], {
    description:
      'Who is at risk, fewest days left first; empty unless the caller may see individuals (a PSW).',
  })
  peopleAtRisk!: CpdPersonAtRisk[];
}

@ObjectType({ description: 'Supervision of one team against the organisation’s policy.' })
export class TeamSupervision {
  @Field(() => ID, { nullable: true, description: 'The team; null for practitioners without one.' })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'Team name.' })
  teamName!: string | null;

  @Field({ description: 'True when the team is too small to show: the figures are null.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Supervised as the policy requires.' })
  supervisedAsRequired!: number | null;

  @Field(() => Int, { nullable: true, description: 'Overdue.' })
  overdue!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share supervised as required, 0 to 1.' })
  share!: number | null;
}

@ObjectType({ description: 'A practitioner whose supervision is overdue.' })
export class SupervisionOverduePerson {
  @Field(() => ID, { description: 'The supervisee.' })
  practitionerUserId!: string;

  @Field({ description: 'Their name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Their team.' })
  teamName!: string | null;

  @Field({ description: 'Whether they are an NQSW in their ASYE.' })
  nqsw!: boolean;

  @Field(() => Int, { description: 'Days overdue.' })
  daysOverdue!: number;
}

@ObjectType({ description: 'Whether supervision happens as the organisation’s policy requires.' })
export class SupervisionInsight {
  @Field(() => Int, { description: 'Practitioners in scope.' })
  practitioners!: number;

  @Field(() => Int, {
    description: 'Supervised as the policy requires: a qualifying session and nothing overdue.',
  })
  supervisedAsRequired!: number;

  @Field(() => Float, { nullable: true, description: 'Share supervised as required, 0 to 1.' })
  share!: number | null;

  @Field(() => Int, { description: 'Overdue now.' })
  overdue!: number;

  @Field(() => Int, { description: 'Due within the policy’s due-soon days.' })
  dueSoon!: number;

  @Field(() => Int, { description: 'Never had a qualifying session.' })
  neverSupervised!: number;

  @Field(() => [TeamSupervision], { description: 'Per team; small teams suppressed.' })
  byTeam!: TeamSupervision[];

  @Field(() => [SupervisionOverduePerson], {
    description: 'Who is overdue, most days first; empty unless the caller may see individuals (a PSW).',
  })
  overduePeople!: SupervisionOverduePerson[];
}

@ObjectType({ description: 'One NQSW’s ASYE progress against its review points and required evidence.' })
export class AsyeCohortMember {
  @Field(() => ID, { description: 'The ASYE programme.' })
  programmeId!: string;

  @Field(() => ID, { description: 'The NQSW.' })
  practitionerUserId!: string;

  @Field({ description: 'Their name.' })
  name!: string;

  @Field(() => GraphQLLocalDate, { description: 'Start of the ASYE.' })
  startDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When the final review is due.' })
  endsOn!: string | null;

  @Field({ description: 'Paused today.' })
  paused!: boolean;

  @Field(() => Int, { description: 'Review points recorded.' })
  reviewPointsRecorded!: number;

  @Field(() => Int, { description: 'Review points overdue.' })
  reviewPointsOverdue!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The next review point not yet recorded, e.g. SIX_MONTH.',
  })
  nextReviewPoint!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it is due.' })
  nextReviewDueOn!: string | null;

  @Field(() => Int, { description: 'Required pieces of evidence approved so far (all kinds together).' })
  evidenceApproved!: number;

  @Field(() => Int, { description: 'Required pieces in all.' })
  evidenceRequired!: number;

  @Field({ description: 'Every required count and critical reflection met.' })
  evidenceComplete!: boolean;

  @Field({ description: 'Protected time on target so far.' })
  protectedTimeMet!: boolean;
}

@ObjectType({ description: 'The early-career cohort: open ASYEs and how they are going.' })
export class EarlyCareerCohort {
  @Field(() => Int, { description: 'Open ASYE programmes in scope.' })
  programmes!: number;

  @Field(() => Int, { description: 'Paused today.' })
  paused!: number;

  @Field(() => Int, { description: 'With at least one review point overdue.' })
  withReviewOverdue!: number;

  @Field(() => Int, { description: 'With the required evidence complete.' })
  evidenceComplete!: number;

  @Field(() => Int, { description: 'With protected time on target.' })
  protectedTimeMet!: number;

  @Field({ description: 'True when the scope is too small for a breakdown.' })
  suppressed!: boolean;

  @Field(() => [AsyeCohortMember], {
    description: 'Each NQSW, next review first; empty unless the caller may see individuals (a PSW).',
  })
  members!: AsyeCohortMember[];
}
