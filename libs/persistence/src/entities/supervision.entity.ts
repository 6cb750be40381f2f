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
import { SUPERVISION_KINDS, type SupervisionKind } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';

/**
 * A supervision session (reference §8.2). `notes` are private to the supervisor and the supervisee:
 * no query returns them to anyone else, a PSW included.
 */
@Entity({ name: 'supervision' })
@Check('supervision_not_self', `"supervisor_user_id" <> "supervisee_user_id"`)
@Check('supervision_minutes', `"minutes" > 0 AND "minutes" <= 480`)
@Index('supervision_supervisee_idx', ['organisationId', 'superviseeUserId', 'heldOn'])
@Index('supervision_supervisor_idx', ['organisationId', 'supervisorUserId', 'heldOn'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'supervisorUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'superviseeUserId'], ['organisationId', 'userId'])
export class SupervisionEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  supervisorUserId!: string;

  @Column('uuid')
  superviseeUserId!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'int' })
  minutes!: number;

  @Column({ type: 'enum', enum: SUPERVISION_KINDS, enumName: 'supervision_kind' })
  kind!: SupervisionKind;

  /** Private to the two of them. */
  @Column({ type: 'text', default: '' })
  notes!: string;

  /** The supervision-reflection evidence the supervisee made of it, once made. */
  @Column({ type: 'uuid', nullable: true })
  reflectionEvidenceId!: string | null;

  @Column('uuid')
  recordedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
