import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AsyeProgrammeEntity } from './asye-programme.entity.js';
import { MembershipEntity } from './membership.entity.js';

/** A review point of an ASYE (3 months, 6 months, final), held and recorded once by the assessor. */
@Entity({ name: 'asye_review_point' })
@Unique('asye_review_point_once', ['organisationId', 'programmeId', 'code'])
@ForeignKey(() => AsyeProgrammeEntity, ['organisationId', 'programmeId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
@ForeignKey(() => MembershipEntity, ['organisationId', 'recordedByUserId'], ['organisationId', 'userId'])
export class AsyeReviewPointEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programmeId!: string;

  /** The policy's code, e.g. THREE_MONTH, SIX_MONTH, FINAL. */
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'text' })
  assessorComments!: string;

  @Column('uuid')
  recordedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
