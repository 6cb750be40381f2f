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
import { SAMPLING_METHODS, type SamplingMethod } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * A sample of ASYEs a PSW drew for a moderation panel: how (method, seed, cohort filter, how many
 * were eligible), who drew it and when, and the ASYEs drawn in drawn order with the assessor each
 * had then, from which the pack's labels ("Practitioner A", "Assessor 1") are worked out. The seed
 * and the filter let a panel draw the same sample again from the same ASYEs.
 */
@Entity({ name: 'moderation_pack' })
@Index('moderation_pack_drawn_idx', ['organisationId', 'drawnAt'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
@ForeignKey(() => MembershipEntity, ['organisationId', 'drawnByUserId'], ['organisationId', 'userId'])
@Check('moderation_pack_seed', `"seed" >= 0`)
@Check(
  'moderation_pack_sample',
  `cardinality("asye_ids") = "size" AND cardinality("assessor_user_ids") = "size" AND "size" BETWEEN 1 AND "eligible_count"`,
)
@Check(
  'moderation_pack_cohort',
  `"cohort_started_from" IS NULL OR "cohort_started_to" IS NULL OR "cohort_started_from" <= "cohort_started_to"`,
)
export class ModerationPackEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: SAMPLING_METHODS, enumName: 'moderation_sampling_method' })
  method!: SamplingMethod;

  /** The draw's seed (0 to 2^31 - 1). */
  @Column({ type: 'integer' })
  seed!: number;

  @Column({ type: 'smallint' })
  size!: number;

  /** How many ASYEs matched the filter when the sample was drawn. */
  @Column({ type: 'integer' })
  eligibleCount!: number;

  /** Only ASYEs started on or after this day, when set. */
  @Column({ type: 'date', nullable: true })
  cohortStartedFrom!: string | null;

  /** Only ASYEs started on or before this day, when set. */
  @Column({ type: 'date', nullable: true })
  cohortStartedTo!: string | null;

  /** The sampled ASYE programmes, in drawn order. */
  @Column({ type: 'uuid', array: true })
  asyeIds!: string[];

  /** The assessor of each sampled ASYE when drawn, in the same order. */
  @Column({ type: 'uuid', array: true })
  assessorUserIds!: string[];

  @Column('uuid')
  drawnByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  drawnAt!: Date;
}
