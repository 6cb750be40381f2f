import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { REMAP_LINK_TYPES, type RemapLinkType } from '#app/domain';
import { EvidenceMappingEntity } from './evidence-mapping.entity.js';
import { FrameworkItemEntity } from './framework-item.entity.js';
import { FrameworkRemapRunEntity } from './framework-remap-run.entity.js';

/**
 * A mapping a remap derived from an original one (`evidence_mapping`, untouched) onto an item of
 * another framework version, along a replacedBy or exactMatchOf link. It holds no claim, level or
 * decision of its own: what it counts as is worked out from its source each time it is read
 * (`derivedMappingStanding`), so nothing is ever signed off at a level nobody judged. One per source
 * mapping and item, which makes applying the same remap twice add nothing; it goes with its source
 * (a draft's mappings replaced, evidence erased).
 */
@Entity({ name: 'derived_evidence_mapping' })
@Unique('derived_evidence_mapping_unique', ['organisationId', 'sourceMappingId', 'frameworkItemId'])
@Index('derived_evidence_mapping_item_idx', ['organisationId', 'frameworkItemId'])
@Index('derived_evidence_mapping_run_idx', ['organisationId', 'remapRunId'])
@ForeignKey(() => EvidenceMappingEntity, ['organisationId', 'sourceMappingId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
@ForeignKey(() => FrameworkRemapRunEntity, ['organisationId', 'remapRunId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
@ForeignKey(() => FrameworkItemEntity, ['frameworkItemId'], ['id'], { onDelete: 'CASCADE' })
export class DerivedEvidenceMappingEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  sourceMappingId!: string;

  @Column('uuid')
  frameworkItemId!: string;

  /** The link the remap followed. */
  @Column({ type: 'enum', enum: REMAP_LINK_TYPES, enumName: 'remap_link_type' })
  via!: RemapLinkType;

  @Column('uuid')
  remapRunId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
