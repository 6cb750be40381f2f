import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import {
  ASSESSMENT_CONTEXTS,
  ASSESSOR_CAPACITIES,
  REVIEW_OUTCOMES,
  type AssessmentContext,
  type AssessorCapacity,
  type ReviewOutcome,
} from '#app/domain';
import { EvidenceVersionEntity } from './evidence-version.entity.js';
import { MembershipEntity } from './membership.entity.js';

/** What the reviewer's decision relied on, as it stood on the day (reference §10 rules 6 and 9). */
export interface ReviewerStandingRecord {
  regulator: string | null;
  registrationNumber: string | null;
  qualification: string | null;
  countersignerUserId: string | null;
  countersignerRegistrationNumber: string | null;
}

/**
 * A reviewer's decision on one exact version. One per version (the unique key makes a second,
 * concurrent decision fail), and never updated: a later change is a new version and a new review.
 */
@Entity({ name: 'evidence_review' })
@Unique('evidence_review_version_unique', ['organisationId', 'evidenceVersionId'])
@Check('evidence_review_not_self', `"reviewer_user_id" <> "practitioner_user_id"`)
@Index('evidence_review_reviewer_idx', ['organisationId', 'reviewerUserId', 'decidedAt'])
@ForeignKey(() => EvidenceVersionEntity, ['organisationId', 'evidenceVersionId'], ['organisationId', 'id'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'reviewerUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'practitionerUserId'], ['organisationId', 'userId'])
export class EvidenceReviewEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  evidenceVersionId!: string;

  @Column('uuid')
  reviewerUserId!: string;

  @Column('uuid')
  practitionerUserId!: string;

  @Column({ type: 'enum', enum: REVIEW_OUTCOMES, enumName: 'review_outcome' })
  outcome!: ReviewOutcome;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'enum', enum: ASSESSMENT_CONTEXTS, enumName: 'assessment_context' })
  assessmentContext!: AssessmentContext;

  @Column({ type: 'enum', enum: ASSESSOR_CAPACITIES, enumName: 'assessor_capacity' })
  capacity!: AssessorCapacity;

  /** The day the decision counts from (Europe/London). */
  @Column({ type: 'date' })
  decidedOn!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  decidedAt!: Date;

  @Column({ type: 'jsonb' })
  standing!: ReviewerStandingRecord;
}
