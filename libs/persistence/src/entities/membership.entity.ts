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
import { ROLES, type Role } from '#app/domain';
import { OrganisationEntity } from './organisation.entity.js';
import { TeamEntity } from './team.entity.js';
import { UserEntity } from './user.entity.js';

/** A person's place in one organisation: their roles and team. */
@Entity({ name: 'membership' })
@Unique('membership_user_unique', ['organisationId', 'userId'])
@Check('membership_has_role', `cardinality("roles") > 0`)
@Index('membership_user_idx', ['userId'])
@Index('membership_team_idx', ['organisationId', 'teamId'])
@Index('membership_keyset_idx', ['organisationId', 'createdAt', 'id'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
@ForeignKey(() => UserEntity, ['userId'], ['id'])
@ForeignKey(() => TeamEntity, ['organisationId', 'teamId'], ['organisationId', 'id'])
export class MembershipEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role', array: true })
  roles!: Role[];

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The first day without access through the organisation (endMembership); null while open-ended. */
  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  /** Why the person's records must be kept (litigation, an inquiry); while set, erasure is refused. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  legalHoldReason!: string | null;

  /** Bumped by every change made through the organisation module, for optimistic concurrency. */
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
