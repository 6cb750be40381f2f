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
import { STAGE_DECISIONS, type StageDecision } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';
import { PathwayEntity } from './pathway.entity.js';

/** A spell a practitioner spent (or spends) in a stage of a pathway, and how they got there. */
@Entity({ name: 'practitioner_stage' })
@Check('practitioner_stage_dates', `"to_date" IS NULL OR "to_date" >= "from_date"`)
@Index('practitioner_stage_user_idx', ['organisationId', 'userId', 'fromDate'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'userId'], ['organisationId', 'userId'])
@ForeignKey(() => PathwayEntity, ['organisationId', 'pathwayId'], ['organisationId', 'id'])
export class PractitionerStageEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  pathwayId!: string;

  @Column({ type: 'varchar', length: 60 })
  stageKey!: string;

  @Column({ type: 'date' })
  fromDate!: string;

  @Column({ type: 'date', nullable: true })
  toDate!: string | null;

  @Column({ type: 'enum', enum: STAGE_DECISIONS, enumName: 'stage_decision' })
  howDecided!: StageDecision;

  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column('uuid')
  recordedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
