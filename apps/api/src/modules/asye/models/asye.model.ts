import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import {
  ASYE_AGREEMENT_STATES,
  ASYE_OUTCOMES,
  ASYE_PAUSE_REASONS,
  ASYE_REVIEW_POINT_STATUSES,
  type AsyeAgreementState,
  type AsyeOutcome,
  type AsyePauseReason,
  type AsyeReviewPointStatus,
  type EvidenceKind,
} from '#app/domain';
import { ASYE_CONFIRMATION_CAPACITIES, type AsyeConfirmationCapacity } from '#app/persistence';
import { EvidenceKindEnum } from '../../portfolio/models/portfolio-enums.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const AsyeOutcomeEnum = enumOf(ASYE_OUTCOMES);
registerEnumType(AsyeOutcomeEnum, {
  name: 'AsyeOutcome',
  description: 'The outcome of an ASYE: pass or fail.',
});

export const AsyePauseReasonEnum = enumOf(ASYE_PAUSE_REASONS);
registerEnumType(AsyePauseReasonEnum, {
  name: 'AsyePauseReason',
  description: 'Why an ASYE is paused. CAPABILITY is always refused: the year is not paused for capability.',
});

export const AsyeReviewPointStatusEnum = enumOf(ASYE_REVIEW_POINT_STATUSES);
registerEnumType(AsyeReviewPointStatusEnum, {
  name: 'AsyeReviewPointStatus',
  description: 'Where a review point stands: recorded, overdue, due soon, upcoming, or unknown while paused.',
});

export const AsyeConfirmationCapacityEnum = enumOf(ASYE_CONFIRMATION_CAPACITIES);
registerEnumType(AsyeConfirmationCapacityEnum, {
  name: 'AsyeConfirmationCapacity',
  description: 'Who confirmed the outcome: the PSW, or someone for the moderation panel.',
});

export const AsyeAgreementEnum = enumOf(ASYE_AGREEMENT_STATES);
registerEnumType(AsyeAgreementEnum, {
  name: 'AsyeAgreement',
  description:
    'Where the assessor’s recommendation and a second opinion stand with each other: none asked for, awaited, agreed, disagreed (confirming then reconciles them), or reconciled.',
});

export const ASYE_STATUSES = ['IN_PROGRESS', 'PAUSED', 'AWAITING_CONFIRMATION', 'PASSED', 'FAILED'] as const;
export type AsyeStatus = (typeof ASYE_STATUSES)[number];
export const AsyeStatusEnum = enumOf(ASYE_STATUSES);
registerEnumType(AsyeStatusEnum, { name: 'AsyeStatus', description: 'Where an ASYE stands as a whole.' });

@ObjectType({ description: 'A pause of the ASYE, both days inclusive.' })
export class AsyePause {
  @Field(() => ID, { description: 'Pause id.' })
  id!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day paused.' })
  startsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day paused; null while it lasts.' })
  endsOn!: string | null;

  @Field(() => AsyePauseReasonEnum, { description: 'Why.' })
  reason!: AsyePauseReason;
}

@ObjectType({ description: 'A review point of the ASYE: when due, and what the assessor recorded.' })
export class AsyeReviewPoint {
  @Field({ description: 'Code, e.g. THREE_MONTH, SIX_MONTH, FINAL.' })
  code!: string;

  @Field(() => Int, { description: 'Months after the start.' })
  monthsAfterStart!: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Due date moved on by pauses; null while paused.',
  })
  dueOn!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it was held, once recorded.' })
  heldOn!: string | null;

  @Field(() => AsyeReviewPointStatusEnum, { description: 'Where it stands today.' })
  status!: AsyeReviewPointStatus;

  @Field(() => String, { nullable: true, description: 'The assessor’s comments, once recorded.' })
  assessorComments!: string | null;
}

@ObjectType({ description: 'Approved evidence of one kind counted against what the year requires.' })
export class AsyeEvidenceCount {
  @Field(() => EvidenceKindEnum, { description: 'Kind of evidence.' })
  kind!: EvidenceKind;

  @Field(() => Int, { description: 'How many the year requires.' })
  required!: number;

  @Field(() => Int, { description: 'How many are approved.' })
  approved!: number;

  @Field({ description: 'Whether enough are approved.' })
  met!: boolean;
}

@ObjectType({ description: 'A critical reflection due at a point of the year (6 and 12 months).' })
export class AsyeCriticalReflection {
  @Field(() => Int, { description: 'Months after the start.' })
  monthsAfterStart!: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day a reflection counts for this point.',
  })
  windowFrom!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day a reflection counts for this point.',
  })
  windowTo!: string | null;

  @Field(() => ID, { nullable: true, description: 'The approved reflection counted, if any.' })
  evidenceId!: string | null;

  @Field({ description: 'Whether one is approved.' })
  met!: boolean;
}

@ObjectType({ description: 'Protected development time recorded against the target.' })
export class AsyeProtectedTime {
  @Field(() => Int, { description: 'Target share of working time, per cent.' })
  targetPercent!: number;

  @Field(() => Int, { description: 'Minutes recorded so far.' })
  recordedMinutes!: number;

  @Field(() => Int, { description: 'Target minutes for the working time so far.' })
  targetMinutesToDate!: number;

  @Field({ description: 'Whether the recorded time reaches the target so far.' })
  met!: boolean;
}

@ObjectType({ description: 'The assessor’s final recommendation.' })
export class AsyeRecommendation {
  @Field(() => AsyeOutcomeEnum, { description: 'Pass or fail.' })
  outcome!: AsyeOutcome;

  @Field({ description: 'The assessor’s reasons.' })
  comment!: string;

  @Field(() => GraphQLLocalDate, { description: 'When it was made.' })
  recommendedOn!: string;

  @Field(() => ID, { description: 'The assessor who made it.' })
  recommendedByUserId!: string;
}

@ObjectType({
  description:
    'A second assessor’s opinion on the final recommendation: who was asked, by whom, and their own judgement, kept beside the recommendation.',
})
export class AsyeSecondOpinion {
  @Field(() => ID, { description: 'The second assessor asked.' })
  secondAssessorUserId!: string;

  @Field(() => GraphQLLocalDate, { description: 'When it was asked for.' })
  requestedOn!: string;

  @Field(() => ID, { description: 'The PSW or administrator who asked for it.' })
  requestedByUserId!: string;

  @Field(() => AsyeOutcomeEnum, { nullable: true, description: 'Their judgement, once recorded.' })
  outcome!: AsyeOutcome | null;

  @Field(() => String, { nullable: true, description: 'Their reasons, once recorded.' })
  reasons!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When they recorded it.' })
  recordedOn!: string | null;
}

@ObjectType({
  description:
    'The confirmation of the outcome by the PSW or a panel; when the two assessors disagreed, the reconciliation between them.',
})
export class AsyeConfirmation {
  @Field(() => GraphQLLocalDate, { description: 'When it was confirmed.' })
  confirmedOn!: string;

  @Field(() => ID, { description: 'Who confirmed it.' })
  confirmedByUserId!: string;

  @Field(() => AsyeConfirmationCapacityEnum, { description: 'As the PSW or for the panel.' })
  confirmedAs!: AsyeConfirmationCapacity;

  @Field(() => AsyeOutcomeEnum, {
    description: 'The outcome confirmed: the recommendation’s, or the one chosen when reconciling.',
  })
  outcome!: AsyeOutcome;

  @Field({
    description: 'Whether confirming chose between a recommendation and a second opinion that differed.',
  })
  reconciled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Any comment; when reconciled, the reason for the outcome chosen.',
  })
  comment!: string | null;
}

@ObjectType({
  description:
    'An NQSW’s Assessed and Supported Year in Employment with its progress today. The child and family ASYE gives way to the Early Career Development Programme from September 2027.',
})
export class AsyeProgramme {
  @Field(() => ID, { description: 'Programme id.' })
  id!: string;

  @Field(() => ID, { description: 'The NQSW.' })
  practitionerUserId!: string;

  @Field(() => ID, { description: 'The assessor.' })
  assessorUserId!: string;

  @Field(() => ID, { description: 'The line manager.' })
  lineManagerUserId!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the ASYE.' })
  startDate!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'When the year ends (pauses included); null while paused.',
  })
  endsOn!: string | null;

  @Field(() => AsyeStatusEnum, { description: 'Where the ASYE stands as a whole.' })
  status!: AsyeStatus;

  @Field(() => Float, { description: 'Contracted hours a week.' })
  contractedHoursPerWeek!: number;

  @Field({ description: 'Whether it is paused today.' })
  pausedToday!: boolean;

  @Field(() => Int, { description: 'Days paused so far.' })
  pausedDays!: number;

  @Field(() => [AsyePause], { description: 'Pauses, earliest first.' })
  pauses!: AsyePause[];

  @Field(() => [AsyeReviewPoint], { description: 'Review points in order.' })
  reviewPoints!: AsyeReviewPoint[];

  @Field(() => [AsyeEvidenceCount], {
    description: 'Required evidence counted from approved portfolio evidence.',
  })
  evidence!: AsyeEvidenceCount[];

  @Field(() => [AsyeCriticalReflection], { description: 'Critical reflections at 6 and 12 months.' })
  criticalReflections!: AsyeCriticalReflection[];

  @Field({ description: 'Every required piece and reflection is approved.' })
  evidenceComplete!: boolean;

  @Field(() => AsyeProtectedTime, { description: 'Protected development time against the target.' })
  protectedTime!: AsyeProtectedTime;

  @Field(() => AsyeRecommendation, {
    nullable: true,
    description: 'The assessor’s recommendation, once made.',
  })
  recommendation!: AsyeRecommendation | null;

  @Field(() => AsyeSecondOpinion, {
    nullable: true,
    description: 'The second opinion on the recommendation, once asked for.',
  })
  secondOpinion!: AsyeSecondOpinion | null;

  @Field(() => AsyeAgreementEnum, {
    description: 'Where the recommendation and the second opinion stand with each other.',
  })
  agreement!: AsyeAgreementState;

  @Field(() => AsyeConfirmation, { nullable: true, description: 'The confirmation, once made.' })
  confirmation!: AsyeConfirmation | null;

  @Field({
    description: 'Whether the assessor may make a final recommendation now (a FAIL needs nothing more).',
  })
  canMakeFinalRecommendation!: boolean;

  @Field({ description: 'Whether a PASS may be recommended now (the evidence is complete too).' })
  canRecommendPass!: boolean;

  @Field(() => [String], { description: 'Why no recommendation can be made yet.' })
  recommendationBlockers!: string[];

  @Field(() => [String], { description: 'What else a PASS needs.' })
  passBlockers!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The ASYE_COMPLETED qualification a confirmed pass recorded.',
  })
  completionQualificationId!: string | null;
}
