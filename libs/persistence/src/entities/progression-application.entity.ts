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
import { APPLICATION_STATUSES, type ApplicationStatus, type RouteEligibility } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';
import { PathwayVersionEntity } from './pathway-version.entity.js';

/**
 * An application (or a manager's nomination) for a route. It snapshots the eligibility result and the
 * evidence it rested on when made, so the panel decides on what was shown, whatever changes later.
 */
@Entity({ name: 'progression_application' })
@Check(
  'progression_application_not_self_decided',
  `"decided_by_user_id" IS NULL OR "decided_by_user_id" <> "user_id"`,
)
@Index('progression_application_one_open', ['organisationId', 'userId', 'pathwayVersionId', 'routeKey'], {
  unique: true,
  where: `"status" = 'OPEN'`,
})
@Index('progression_application_queue_idx', ['organisationId', 'status', 'submittedAt', 'id'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'userId'], ['organisationId', 'userId'])
@ForeignKey(() => PathwayVersionEntity, ['organisationId', 'pathwayVersionId'], ['organisationId', 'id'])
export class ProgressionApplicationEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  pathwayVersionId!: string;

  @Column({ type: 'varchar', length: 60 })
  routeKey!: string;

  @Column({ type: 'enum', enum: APPLICATION_STATUSES, enumName: 'application_status' })
  status!: ApplicationStatus;

  /** The practitioner, or the manager who put them forward. */
  @Column('uuid')
  submittedByUserId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  submittedAt!: Date;

  @Column({ type: 'jsonb' })
  eligibilitySnapshot!: RouteEligibility;

  @Column({ type: 'uuid', array: true })
  evidenceIds!: string[];

  @Column({ type: 'text', nullable: true })
  statement!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReasons!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
