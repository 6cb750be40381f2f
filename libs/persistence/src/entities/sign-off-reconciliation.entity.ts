import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SIGN_OFF_RECONCILIATION_OUTCOMES, type SignOffReconciliationOutcome } from '#app/domain';
import { EvidenceReviewEntity } from './evidence-review.entity.js';
import { MembershipEntity } from './membership.entity.js';

/**
 * The third judgement on a sign-off that a countersignature disagreed with: a named person (a PSW)
 * upheld the approval or overturned it, with their reason. The review and the countersignatures stay
 * as they were, beside it; an overturned approval's version was sent back for changes at the same time.
 * One per review.
 */
@Entity({ name: 'sign_off_reconciliation' })
@Index('sign_off_reconciliation_review_unique', ['organisationId', 'reviewId'], { unique: true })
@ForeignKey(() => EvidenceReviewEntity, ['organisationId', 'reviewId'], ['organisationId', 'id'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'reconciledByUserId'], ['organisationId', 'userId'])
@Check('sign_off_reconciliation_reason', `length(btrim("reason")) > 0`)
@Check('sign_off_reconciliation_not_self', `"reconciled_by_user_id" <> "practitioner_user_id"`)
export class SignOffReconciliationEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  reviewId!: string;

  /** Whose evidence it is (kept for subject access and erasure). */
  @Column('uuid')
  practitionerUserId!: string;

  @Column({
    type: 'enum',
    enum: SIGN_OFF_RECONCILIATION_OUTCOMES,
    enumName: 'sign_off_reconciliation_outcome',
  })
  outcome!: SignOffReconciliationOutcome;

  @Column({ type: 'text' })
  reason!: string;

  @Column('uuid')
  reconciledByUserId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  reconciledAt!: Date;
}
