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
import { AsyeProgrammeEntity } from './asye-programme.entity.js';
import { MembershipEntity } from './membership.entity.js';

/** Protected development time an NQSW took on a day, in minutes. */
@Entity({ name: 'asye_protected_time' })
@Check('asye_protected_time_minutes', `"minutes" > 0 AND "minutes" <= 1440`)
@Index('asye_protected_time_programme_idx', ['organisationId', 'programmeId', 'date'])
@ForeignKey(() => AsyeProgrammeEntity, ['organisationId', 'programmeId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
@ForeignKey(() => MembershipEntity, ['organisationId', 'recordedByUserId'], ['organisationId', 'userId'])
export class AsyeProtectedTimeEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programmeId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'int' })
  minutes!: number;

  @Column('uuid')
  recordedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
