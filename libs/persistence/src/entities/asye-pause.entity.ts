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
import { ASYE_PAUSE_REASONS, type AsyePauseReason } from '#app/domain';
import { AsyeProgrammeEntity } from './asye-programme.entity.js';
import { MembershipEntity } from './membership.entity.js';

/** A pause of an ASYE, both days inclusive; `endsOn` is null while it lasts. Never for capability. */
@Entity({ name: 'asye_pause' })
@Check('asye_pause_dates', `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
@Check('asye_pause_not_capability', `"reason" <> 'CAPABILITY'`)
@Index('asye_pause_programme_idx', ['organisationId', 'programmeId', 'startsOn'])
@ForeignKey(() => AsyeProgrammeEntity, ['organisationId', 'programmeId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
@ForeignKey(() => MembershipEntity, ['organisationId', 'recordedByUserId'], ['organisationId', 'userId'])
export class AsyePauseEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programmeId!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'enum', enum: ASYE_PAUSE_REASONS, enumName: 'asye_pause_reason' })
  reason!: AsyePauseReason;

  @Column('uuid')
  recordedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
