import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AsyePolicy, SupervisionPolicy } from '#app/domain';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * An organisation's own ASYE, supervision and reminder rules (reference §5.1, §8.2, §10 rule 7).
 * Without a row, or with a null column, the domain's defaults apply.
 */
@Entity({ name: 'organisation_policy' })
@Check('organisation_policy_turnaround', `"review_turnaround_days" IS NULL OR "review_turnaround_days" > 0`)
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
export class OrganisationPolicyEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @Column({ type: 'jsonb', nullable: true })
  asyePolicy!: AsyePolicy | null;

  @Column({ type: 'jsonb', nullable: true })
  supervisionPolicy!: SupervisionPolicy | null;

  /** Days a submission may wait for a decision before the reviewer is reminded. */
  @Column({ type: 'int', nullable: true })
  reviewTurnaroundDays!: number | null;

  /** Days before a CPD deadline on which reminders go out (e.g. 60, 30, 7). */
  @Column({ type: 'int', array: true, nullable: true })
  cpdReminderDays!: number[] | null;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId!: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
