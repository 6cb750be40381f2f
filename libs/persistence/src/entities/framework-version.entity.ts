import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkEntity } from './framework.entity.js';

export const FRAMEWORK_VERSION_STATUSES = ['CURRENT', 'RETIRED'] as const;
export type FrameworkVersionStatus = (typeof FRAMEWORK_VERSION_STATUSES)[number];

@Entity({ name: 'framework_version' })
@Unique('framework_version_unique', ['frameworkId', 'version'])
@Check('framework_version_dates', `"effective_to" IS NULL OR "effective_to" > "effective_from"`)
@ForeignKey(() => FrameworkEntity, ['frameworkId'], ['id'])
export class FrameworkVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  frameworkId!: string;

  @Column({ type: 'varchar', length: 40 })
  version!: string;

  @Column({ type: 'enum', enum: FRAMEWORK_VERSION_STATUSES, enumName: 'framework_version_status' })
  status!: FrameworkVersionStatus;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
