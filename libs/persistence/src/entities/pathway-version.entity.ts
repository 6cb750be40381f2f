import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { PathwayDesign } from '#app/domain';
import { PathwayEntity } from './pathway.entity.js';

export const PATHWAY_VERSION_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export type PathwayVersionStatus = (typeof PATHWAY_VERSION_STATUSES)[number];

/**
 * One version of a pathway: its stages, routes and criteria as one validated design document.
 * Only a DRAFT changes; a trigger (see the migration) refuses edits to a published or retired
 * design, and at most one version of a pathway is PUBLISHED at a time.
 */
@Entity({ name: 'pathway_version' })
@Unique('pathway_version_number_unique', ['organisationId', 'pathwayId', 'versionNo'])
@Index('pathway_version_one_published', ['organisationId', 'pathwayId'], {
  unique: true,
  where: `"status" = 'PUBLISHED'`,
})
@ForeignKey(() => PathwayEntity, ['organisationId', 'pathwayId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
export class PathwayVersionEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  pathwayId!: string;

  @Column({ type: 'int' })
  versionNo!: number;

  @Column({ type: 'enum', enum: PATHWAY_VERSION_STATUSES, enumName: 'pathway_version_status' })
  status!: PathwayVersionStatus;

  @Column({ type: 'jsonb' })
  design!: PathwayDesign;

  /** Counts edits of a draft, so two editors cannot overwrite each other unseen. */
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column('uuid')
  createdByUserId!: string;

  @Column({ type: 'uuid', nullable: true })
  publishedByUserId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  retiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
