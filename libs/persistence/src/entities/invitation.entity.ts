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
import { ROLES, type Role } from '#app/domain';
import { OrganisationEntity } from './organisation.entity.js';
import { TeamEntity } from './team.entity.js';

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An organisation's invitation to a person, by email, to join with roles and a team. Nothing of
 * the person is linked until they accept: a new person sets their password, someone with an
 * account accepts signed in. Only the SHA-256 of the emailed token is stored; resending replaces it.
 */
@Entity({ name: 'invitation' })
@Check('invitation_email_lower', `"email" = lower("email")`)
@Check('invitation_has_role', `cardinality("roles") > 0`)
@Index('invitation_token_unique', ['tokenHash'], { unique: true })
@Index('invitation_one_pending', ['organisationId', 'email'], { unique: true, where: `"status" = 'PENDING'` })
@Index('invitation_keyset_idx', ['organisationId', 'createdAt', 'id'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
@ForeignKey(() => TeamEntity, ['organisationId', 'teamId'], ['organisationId', 'id'])
export class InvitationEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  /** The name the organisation knows the person by; used only if they make a new account. */
  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role', array: true })
  roles!: Role[];

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'enum', enum: INVITATION_STATUSES, enumName: 'invitation_status', default: 'PENDING' })
  status!: InvitationStatus;

  /** Null for the first administrator's invitation, made by `org:create`. */
  @Column({ type: 'uuid', nullable: true })
  invitedByUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedByUserId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  /** Times the token was sent again (each resend replaces it). */
  @Column({ type: 'int', default: 0 })
  resendCount!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
