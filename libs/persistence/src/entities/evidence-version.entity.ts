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
  UpdateDateColumn,
} from 'typeorm';
import {
  ASSESSMENT_CONTEXTS,
  CPD_ACTIVITY_TYPES,
  EVIDENCE_KINDS,
  EVIDENCE_STATUSES,
  type AssessmentContext,
  type CpdActivityType,
  type EvidenceKind,
  type EvidenceStatus,
  type IdentifierWarning,
} from '#app/domain';
import { EvidenceEntity } from './evidence.entity.js';
import { MembershipEntity } from './membership.entity.js';

/** Where a likely identifier was found: the field and offsets, never the text. */
export interface StoredIdentifierWarning extends IdentifierWarning {
  field: string;
}

/**
 * One version of a piece of evidence and where it stands in sign-off. A decided version
 * (APPROVED, CHANGES_REQUESTED) is history: editing it creates the next version.
 * `revision` counts in-place edits of a draft, so a decision is bound to the exact text it saw.
 */
@Entity({ name: 'evidence_version' })
@Unique('evidence_version_number_unique', ['organisationId', 'evidenceId', 'versionNo'])
@Check('evidence_version_cpd_type', `("kind" = 'CPD_ACTIVITY') = ("cpd_activity_type" IS NOT NULL)`)
@Check('evidence_version_dates', `"date_to" IS NULL OR "date_to" >= "date_from"`)
@Check('evidence_version_hours', `"hours" IS NULL OR ("hours" >= 0 AND "hours" <= 999)`)
@Check(
  'evidence_version_not_self_review',
  `"reviewer_user_id" IS NULL OR "reviewer_user_id" <> "owner_user_id"`,
)
@Check(
  'evidence_version_submitted_has_reviewer',
  `"status" = 'DRAFT' OR ("reviewer_user_id" IS NOT NULL AND "submitted_at" IS NOT NULL AND "assessment_context" IS NOT NULL)`,
)
@Index('evidence_version_owner_idx', ['organisationId', 'ownerUserId', 'evidenceId', 'versionNo'])
@Index('evidence_version_queue_idx', ['organisationId', 'reviewerUserId', 'status', 'submittedAt', 'id'])
// Full-text search over title and reflections: an expression index the migration creates.
@Index('evidence_version_search_idx', { synchronize: false })
@ForeignKey(() => EvidenceEntity, ['organisationId', 'evidenceId'], ['organisationId', 'id'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'ownerUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'reviewerUserId'], ['organisationId', 'userId'])
export class EvidenceVersionEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  evidenceId!: string;

  /** The practitioner; the same on every version, here so the database can refuse self-review. */
  @Column('uuid')
  ownerUserId!: string;

  @Column({ type: 'int' })
  versionNo!: number;

  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ type: 'enum', enum: EVIDENCE_STATUSES, enumName: 'evidence_status' })
  status!: EvidenceStatus;

  @Column({ type: 'enum', enum: EVIDENCE_KINDS, enumName: 'evidence_kind' })
  kind!: EvidenceKind;

  @Column({ type: 'enum', enum: CPD_ACTIVITY_TYPES, enumName: 'cpd_activity_type', nullable: true })
  cpdActivityType!: CpdActivityType | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'date' })
  dateFrom!: string;

  @Column({ type: 'date', nullable: true })
  dateTo!: string | null;

  /** Hours to two decimals; regulators outside England count hours. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  hours!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  learning!: string;

  @Column({ type: 'text' })
  impact!: string;

  /** What was learnt from discussing it with a peer (SWE's peer reflection); never signed off. */
  @Column({ type: 'text', nullable: true })
  peerReflection!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  peerRole!: string | null;

  @Column({ type: 'date', nullable: true })
  peerDiscussedOn!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  identifierWarnings!: StoredIdentifierWarning[];

  /** The practitioner has read the warnings and confirmed nobody can be identified. */
  @Column({ type: 'boolean', default: false })
  identifiersConfirmed!: boolean;

  @Column({ type: 'uuid', nullable: true })
  reviewerUserId!: string | null;

  @Column({ type: 'enum', enum: ASSESSMENT_CONTEXTS, enumName: 'assessment_context', nullable: true })
  assessmentContext!: AssessmentContext | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column('uuid')
  createdByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
