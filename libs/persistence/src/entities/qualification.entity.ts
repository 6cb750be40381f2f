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
import { QUALIFICATION_TYPES, type QualificationType } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';

/**
 * A qualification a member holds (PEPS stages, ASYE completion, AMHP…). Only a verified one counts
 * for sign-off standing or progression, and verification is recorded with who did it and when.
 */
@Entity({ name: 'qualification' })
@Check('qualification_dates', `"expires_on" IS NULL OR "expires_on" >= "awarded_on"`)
@Check('qualification_credits', `"credits" IS NULL OR "credits" >= 0`)
@Check(
  'qualification_not_self_verified',
  `"verified_by_user_id" IS NULL OR "verified_by_user_id" <> "user_id"`,
)
@Index('qualification_user_idx', ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'userId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'verifiedByUserId'], ['organisationId', 'userId'])
export class QualificationEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column({ type: 'enum', enum: QUALIFICATION_TYPES, enumName: 'qualification_type' })
  type!: QualificationType;

  /** What the certificate says, e.g. "PGCert Practice Education (Stage 2)". */
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'date' })
  awardedOn!: string;

  @Column({ type: 'date', nullable: true })
  expiresOn!: string | null;

  /** Post-qualifying credits, where the qualification carries them. */
  @Column({ type: 'int', nullable: true })
  credits!: number | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column('uuid')
  recordedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
