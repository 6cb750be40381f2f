import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MAPPING_DECISIONS, type MappingDecision } from '#app/domain';
import { EvidenceVersionEntity } from './evidence-version.entity.js';
import { FrameworkItemEntity } from './framework-item.entity.js';
import { FrameworkLevelPathwayEntity } from './framework-level-pathway.entity.js';
import { FrameworkLevelEntity } from './framework-level.entity.js';

/**
 * A claim that a version of evidence shows a framework item (a PCF domain, an SWE standard, a KSS
 * statement) at a level, always of one framework version, and the reviewer's decision on it.
 */
@Entity({ name: 'evidence_mapping' })
@Unique('evidence_mapping_item_unique', ['organisationId', 'evidenceVersionId', 'frameworkItemId'])
@Index('evidence_mapping_version_idx', ['organisationId', 'evidenceVersionId'])
@ForeignKey(() => EvidenceVersionEntity, ['organisationId', 'evidenceVersionId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
@ForeignKey(() => FrameworkItemEntity, ['frameworkItemId'], ['id'])
@ForeignKey(() => FrameworkLevelEntity, ['frameworkLevelId'], ['id'])
@ForeignKey(() => FrameworkLevelPathwayEntity, ['frameworkLevelPathwayId'], ['id'])
@ForeignKey(() => FrameworkLevelEntity, ['acceptedLevelId'], ['id'])
@ForeignKey(() => FrameworkLevelPathwayEntity, ['acceptedPathwayId'], ['id'])
export class EvidenceMappingEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  evidenceVersionId!: string;

  /** Order the practitioner gave the mappings in, from 0. */
  @Column({ type: 'smallint' })
  position!: number;

  @Column('uuid')
  frameworkItemId!: string;

  /** The level claimed; null for frameworks without levels (SWE standards, KSS). */
  @Column({ type: 'uuid', nullable: true })
  frameworkLevelId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  frameworkLevelPathwayId!: string | null;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'enum', enum: MAPPING_DECISIONS, enumName: 'mapping_decision', nullable: true })
  decision!: MappingDecision | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedLevelId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedPathwayId!: string | null;

  @Column({ type: 'text', nullable: true })
  decisionComment!: string | null;
}
