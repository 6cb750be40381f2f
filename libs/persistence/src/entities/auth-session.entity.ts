import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MembershipEntity } from './membership.entity.js';

/**
 * One refresh token of a signed-in session. Tokens rotate on every refresh; a
 * rotated token presented again revokes its whole family (token theft).
 * Only a SHA-256 hash of the token is stored.
 */
@Entity({ name: 'auth_session' })
@Index('auth_session_family_idx', ['familyId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'userId'], ['organisationId', 'userId'], {
  onDelete: 'CASCADE',
})
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  familyId!: string;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
