import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'organisation' })
@Check('organisation_leaver_retention', `"leaver_retention_days" BETWEEN 1 AND 3650`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug!: string;

  /** Seeded demonstration data, never a real council. */
  @Column({ type: 'boolean', default: false })
  isDemo!: boolean;

  /** Days a leaver keeps access to their own records, after which the organisation may erase them. */
  @Column({ type: 'int', default: 90 })
  leaverRetentionDays!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
