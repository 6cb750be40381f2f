import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ASYE_OUTCOMES, type AsyeOutcome } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';

export const ASYE_CONFIRMATION_CAPACITIES = ['PRINCIPAL_SOCIAL_WORKER', 'PANEL'] as const;
export type AsyeConfirmationCapacity = (typeof ASYE_CONFIRMATION_CAPACITIES)[number];

/**
 * One NQSW's Assessed and Supported Year in Employment (reference §5.1): who assesses and manages
 * it, when it started, the protected-time target fixed when it started, the assessor's final
 * recommendation, a second assessor's opinion on it when asked for, and its confirmation by the PSW
 * or a panel (which reconciles the two when they differ). An NQSW has at most one ASYE without
 * a confirmed outcome in an organisation.
 */
@Entity({ name: 'asye_programme' })
@Check('asye_programme_assessor_not_nqsw', `"assessor_user_id" <> "practitioner_user_id"`)
@Check('asye_programme_hours', `"contracted_hours_per_week" > 0 AND "contracted_hours_per_week" <= 60`)
@Check('asye_programme_protected_time', `"protected_time_percent" >= 0 AND "protected_time_percent" <= 100`)
@Check(
  'asye_programme_recommendation_complete',
  `("recommended_outcome" IS NULL) = ("recommended_on" IS NULL) AND ("recommended_outcome" IS NULL) = ("recommended_by_user_id" IS NULL) AND ("recommended_outcome" IS NULL) = ("recommendation_comment" IS NULL)`,
)
@Check(
  'asye_programme_confirmation_complete',
  `("confirmed_on" IS NULL) = ("confirmed_by_user_id" IS NULL) AND ("confirmed_on" IS NULL) = ("confirmed_as" IS NULL) AND ("confirmed_on" IS NULL OR "recommended_on" IS NOT NULL)`,
)
@Check(
  'asye_programme_dates',
  `("recommended_on" IS NULL OR "recommended_on" >= "start_date") AND ("confirmed_on" IS NULL OR "confirmed_on" >= "recommended_on")`,
)
@Check(
  'asye_programme_confirmer_independent',
  `"confirmed_by_user_id" IS NULL OR ("confirmed_by_user_id" <> "practitioner_user_id" AND "confirmed_by_user_id" <> "recommended_by_user_id")`,
)
@Check(
  'asye_programme_second_opinion_complete',
  `("second_assessor_user_id" IS NULL) = ("second_opinion_requested_on" IS NULL) AND ("second_assessor_user_id" IS NULL) = ("second_opinion_requested_by_user_id" IS NULL) AND ("second_opinion_outcome" IS NULL) = ("second_opinion_recorded_on" IS NULL) AND ("second_opinion_outcome" IS NULL) = ("second_opinion_reasons" IS NULL) AND ("second_opinion_outcome" IS NULL OR "second_assessor_user_id" IS NOT NULL) AND ("second_assessor_user_id" IS NULL OR "recommended_on" IS NOT NULL)`,
)
@Check(
  'asye_programme_second_opinion_dates',
  `("second_opinion_requested_on" IS NULL OR "second_opinion_requested_on" >= "recommended_on") AND ("second_opinion_recorded_on" IS NULL OR "second_opinion_recorded_on" >= "second_opinion_requested_on") AND ("confirmed_on" IS NULL OR "second_opinion_requested_on" IS NULL OR "confirmed_on" >= "second_opinion_recorded_on")`,
)
@Check(
  'asye_programme_second_assessor_independent',
  `"second_assessor_user_id" IS NULL OR ("second_assessor_user_id" <> "practitioner_user_id" AND "second_assessor_user_id" <> "assessor_user_id" AND "second_assessor_user_id" <> "recommended_by_user_id" AND "second_assessor_user_id" IS DISTINCT FROM "confirmed_by_user_id")`,
)
@Check(
  'asye_programme_confirmed_with_second_opinion',
  `"confirmed_on" IS NULL OR "second_assessor_user_id" IS NULL OR "second_opinion_outcome" IS NOT NULL`,
)
@Check(
  'asye_programme_reconciliation',
  `("reconciled_outcome" IS NOT NULL) = ("confirmed_on" IS NOT NULL AND "second_opinion_outcome" IS NOT NULL AND "second_opinion_outcome" <> "recommended_outcome") AND ("reconciled_outcome" IS NULL OR "confirmation_comment" IS NOT NULL)`,
)
@Index('asye_programme_one_open', ['organisationId', 'practitionerUserId'], {
  unique: true,
  where: '"confirmed_on" IS NULL',
})
@Index('asye_programme_practitioner_idx', ['organisationId', 'practitionerUserId', 'startDate'])
@Index('asye_programme_assessor_idx', ['organisationId', 'assessorUserId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'practitionerUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'assessorUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'lineManagerUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'recommendedByUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'confirmedByUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'secondAssessorUserId'], ['organisationId', 'userId'])
@ForeignKey(
  () => MembershipEntity,
  ['organisationId', 'secondOpinionRequestedByUserId'],
  ['organisationId', 'userId'],
)
export class AsyeProgrammeEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The NQSW. */
  @Column('uuid')
  practitionerUserId!: string;

  @Column('uuid')
  assessorUserId!: string;

  @Column('uuid')
  lineManagerUserId!: string;

  @Column({ type: 'date' })
  startDate!: string;

  /** Contracted hours, from which the protected-time target is worked out (pro rata for part-timers). */
  @Column({ type: 'numeric', precision: 4, scale: 1, default: 37 })
  contractedHoursPerWeek!: string;

  /** Share of working time protected for development, fixed from the organisation's policy at the start. */
  @Column({ type: 'smallint' })
  protectedTimePercent!: number;

  @Column({ type: 'enum', enum: ASYE_OUTCOMES, enumName: 'asye_outcome', nullable: true })
  recommendedOutcome!: AsyeOutcome | null;

  @Column({ type: 'text', nullable: true })
  recommendationComment!: string | null;

  @Column({ type: 'date', nullable: true })
  recommendedOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recommendedByUserId!: string | null;

  /** The second assessor asked for a second opinion on the recommendation, if any. */
  @Column({ type: 'uuid', nullable: true })
  secondAssessorUserId!: string | null;

  @Column({ type: 'date', nullable: true })
  secondOpinionRequestedOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  secondOpinionRequestedByUserId!: string | null;

  /** The second assessor's judgement, kept beside the recommendation, never in its place. */
  @Column({ type: 'enum', enum: ASYE_OUTCOMES, enumName: 'asye_outcome', nullable: true })
  secondOpinionOutcome!: AsyeOutcome | null;

  @Column({ type: 'text', nullable: true })
  secondOpinionReasons!: string | null;

  @Column({ type: 'date', nullable: true })
  secondOpinionRecordedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  confirmedOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedByUserId!: string | null;

  @Column({
    type: 'enum',
    enum: ASYE_CONFIRMATION_CAPACITIES,
    enumName: 'asye_confirmation_capacity',
    nullable: true,
  })
  confirmedAs!: AsyeConfirmationCapacity | null;

  /** Any comment; when the confirmation reconciled two different judgements, the reason for its choice. */
  @Column({ type: 'text', nullable: true })
  confirmationComment!: string | null;

  /**
   * The outcome chosen when the confirmation reconciled a recommendation and a second opinion that
   * differed; `null` otherwise, when the confirmed outcome is the recommendation's.
   */
  @Column({ type: 'enum', enum: ASYE_OUTCOMES, enumName: 'asye_outcome', nullable: true })
  reconciledOutcome!: AsyeOutcome | null;

  /** The ASYE_COMPLETED qualification a confirmed PASS recorded. */
  @Column({ type: 'uuid', nullable: true })
  completionQualificationId!: string | null;

  @Column('uuid')
  createdByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
