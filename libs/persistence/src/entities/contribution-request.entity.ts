import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  CONTRIBUTION_PURPOSES,
  CONTRIBUTOR_ROLES,
  REGULATORS,
  type ContributionPurpose,
  type ContributorRole,
  type Regulator,
} from '#app/domain';
import { EvidenceEntity } from './evidence.entity.js';
import { EvidenceReviewEntity } from './evidence-review.entity.js';
import { EvidenceVersionEntity } from './evidence-version.entity.js';
import { MembershipEntity } from './membership.entity.js';

/**
 * A practitioner's request for feedback on one version of their evidence, from someone without an
 * account, by a one-time link. Only the SHA-256 of the link's token is stored. Once used, the row
 * holds who the contributor said they were and the feedback evidence it made (the origin shown
 * wherever that evidence appears).
 */
@Entity({ name: 'contribution_request' })
@Index('contribution_request_token_unique', ['tokenHash'], { unique: true })
@Index('contribution_request_version_idx', ['organisationId', 'evidenceId', 'createdAt'])
@Index('contribution_request_result_unique', ['organisationId', 'resultingEvidenceId'], {
  unique: true,
  where: `"resulting_evidence_id" IS NOT NULL`,
})
@Index('contribution_request_countersigned_review_idx', ['organisationId', 'countersignedReviewId'], {
  where: `"countersigned_review_id" IS NOT NULL`,
})
@Check('contribution_request_closed_once', `"used_at" IS NULL OR "revoked_at" IS NULL`)
// Used once, with the statement and exactly the result its purpose makes: feedback evidence, or a
// countersignature (its judgement) beside the review it is on.
@Check(
  'contribution_request_used_has_result',
  `("used_at" IS NULL) = ("stated_name" IS NULL) AND ("used_at" IS NULL) = ("resulting_evidence_id" IS NULL AND "countersigned_review_id" IS NULL) AND ("resulting_evidence_id" IS NULL OR "purpose" = 'FEEDBACK') AND ("countersigned_review_id" IS NULL OR "purpose" = 'COUNTERSIGNATURE') AND ("countersigned_review_id" IS NULL) = ("countersigns" IS NULL)`,
)
@Check(
  'contribution_request_email_lower',
  `"contributor_email" IS NULL OR "contributor_email" = lower("contributor_email")`,
)
@ForeignKey(() => EvidenceVersionEntity, ['organisationId', 'evidenceVersionId'], ['organisationId', 'id'])
@ForeignKey(() => EvidenceEntity, ['organisationId', 'resultingEvidenceId'], ['organisationId', 'id'])
@ForeignKey(() => EvidenceReviewEntity, ['organisationId', 'countersignedReviewId'], ['organisationId', 'id'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'practitionerUserId'], ['organisationId', 'userId'])
export class ContributionRequestEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The practitioner who asked: the owner of the evidence. */
  @Column('uuid')
  practitionerUserId!: string;

  @Column('uuid')
  evidenceId!: string;

  /** The exact version the contributor is asked about. */
  @Column('uuid')
  evidenceVersionId!: string;

  /** Feedback on the version, or a countersignature on the decision made on it. */
  @Column({
    type: 'enum',
    enum: CONTRIBUTION_PURPOSES,
    enumName: 'contribution_purpose',
    default: 'FEEDBACK',
  })
  purpose!: ContributionPurpose;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Whom the practitioner asked, by name. */
  @Column({ type: 'varchar', length: 200 })
  contributorName!: string;

  /** Null when the link was printed for someone without email. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  contributorEmail!: string | null;

  /** The role the practitioner asked them in. */
  @Column({ type: 'enum', enum: CONTRIBUTOR_ROLES, enumName: 'contributor_role' })
  contributorRole!: ContributorRole;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  /** Who the contributor said they were, when they contributed. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  statedName!: string | null;

  @Column({ type: 'enum', enum: CONTRIBUTOR_ROLES, enumName: 'contributor_role', nullable: true })
  statedRole!: ContributorRole | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  statedRelationship!: string | null;

  @Column({ type: 'enum', enum: REGULATORS, enumName: 'regulator', nullable: true })
  statedRegulator!: Regulator | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  statedRegistrationNumber!: string | null;

  /** The feedback evidence the contribution made in the practitioner's portfolio. */
  @Column({ type: 'uuid', nullable: true })
  resultingEvidenceId!: string | null;

  /** The review a countersignature was given on (the version's decision when it was given). */
  @Column({ type: 'uuid', nullable: true })
  countersignedReviewId!: string | null;

  /** The countersigner's judgement: true when they countersign the decision, false when they do not. */
  @Column({ type: 'boolean', nullable: true })
  countersigns!: boolean | null;

  /** The countersigner's comment (their reasons, when they do not countersign). */
  @Column({ type: 'text', nullable: true })
  countersignComment!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
