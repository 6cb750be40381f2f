import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CREDENTIAL_KINDS, type CredentialKind } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';
import { SigningKeyEntity } from './signing-key.entity.js';

/**
 * A signed credential (W3C Verifiable Credential in the Open Badges 3.0 shape, as a VC-JWT) for one
 * sign-off, stage award or verified qualification. Issuing is idempotent: one per source record.
 * The verification code is what a PDF prints and the public verify endpoint looks up.
 */
@Entity({ name: 'issued_credential' })
@Unique('issued_credential_source_unique', ['organisationId', 'kind', 'sourceId'])
@Unique('issued_credential_code_unique', ['verificationCode'])
@Index('issued_credential_subject_idx', ['organisationId', 'subjectUserId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'subjectUserId'], ['organisationId', 'userId'])
@ForeignKey(() => SigningKeyEntity, ['kid'], ['kid'])
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

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
