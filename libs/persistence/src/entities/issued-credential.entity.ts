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
  CREDENTIAL_KINDS,
  REVOCATION_REASONS,
  type CredentialKind,
  type RevocationReason,
} from '#app/domain';
import { CredentialStatusListEntity } from './credential-status-list.entity.js';
import { MembershipEntity } from './membership.entity.js';
import { SigningKeyEntity } from './signing-key.entity.js';

/**
 * A signed credential (W3C Verifiable Credential in the Open Badges 3.0 shape, as a VC-JWT) for one
 * sign-off, stage award or verified qualification. Issuing is idempotent: one per source record.
 * The verification code is what a PDF prints and the public verify endpoint looks up. Credentials
 * issued since revocation existed hold an entry in the organisation's status list.
 */
@Entity({ name: 'issued_credential' })
@Unique('issued_credential_source_unique', ['organisationId', 'kind', 'sourceId'])
@Unique('issued_credential_code_unique', ['verificationCode'])
@Index('issued_credential_subject_idx', ['organisationId', 'subjectUserId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'subjectUserId'], ['organisationId', 'userId'])
@ForeignKey(() => SigningKeyEntity, ['kid'], ['kid'])
@ForeignKey(() => CredentialStatusListEntity, ['organisationId', 'statusListId'], ['organisationId', 'id'])
@Unique('issued_credential_status_entry_unique', ['statusListId', 'statusListIndex'])
@Check('issued_credential_status_entry', `("status_list_id" IS NULL) = ("status_list_index" IS NULL)`)
@Check(
  'issued_credential_revocation',
  `("revoked_at" IS NULL) = ("revocation_reason" IS NULL) AND ("revoked_at" IS NULL) = ("revoked_by_user_id" IS NULL) AND ("revoked_at" IS NOT NULL OR "revocation_note" IS NULL)`,
)
export class IssuedCredentialEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: CREDENTIAL_KINDS, enumName: 'credential_kind' })
  kind!: CredentialKind;

  /** The evidence review, practitioner stage or qualification it attests. */
  @Column('uuid')
  sourceId!: string;

  /** The practitioner the credential is about. */
  @Column('uuid')
  subjectUserId!: string;

  @Column({ type: 'varchar', length: 20 })
  verificationCode!: string;

  @Column({ type: 'varchar', length: 64 })
  kid!: string;

  /** The compact JWS (VC-JWT). */
  @Column({ type: 'text' })
  jwt!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  issuedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  validUntil!: Date | null;

  @Column('uuid')
  issuedByUserId!: string;

  /** Its entry in the organisation's revocation list; null on credentials issued before lists. */
  @Column({ type: 'uuid', nullable: true })
  statusListId!: string | null;

  @Column({ type: 'integer', nullable: true })
  statusListIndex!: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedByUserId!: string | null;

  @Column({
    type: 'enum',
    enum: REVOCATION_REASONS,
    enumName: 'credential_revocation_reason',
    nullable: true,
  })
  revocationReason!: RevocationReason | null;

  /** Optional words on why, for the organisation and the practitioner; never published. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  revocationNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
