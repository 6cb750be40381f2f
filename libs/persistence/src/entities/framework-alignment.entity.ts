import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { ALIGNMENT_TYPES, type AlignmentType } from '#app/domain';
import { FrameworkItemEntity } from './framework-item.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * A link a PSW made between two framework items (a PCF domain and a KSS statement, say) for their
 * organisation: one of the CASE association types, marked confirmed or not, with the source that
 * supports it. Only the organisation that made it sees it. Links that came in a CASE package stay
 * in the imported item's `attributes` (see ALIGNMENTS_ATTRIBUTE).
 */
@Entity({ name: 'framework_alignment' })
@Unique('framework_alignment_unique', ['organisationId', 'fromItemId', 'toItemId', 'type'])
@Index('framework_alignment_to_idx', ['organisationId', 'toItemId'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
@ForeignKey(() => FrameworkItemEntity, ['fromItemId'], ['id'], { onDelete: 'CASCADE' })
@ForeignKey(() => FrameworkItemEntity, ['toItemId'], ['id'], { onDelete: 'CASCADE' })
@Check('framework_alignment_not_to_itself', `"from_item_id" <> "to_item_id"`)
@Check('framework_alignment_source', `length(btrim("source")) BETWEEN 1 AND 500`)
export class FrameworkAlignmentEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  fromItemId!: string;

  @Column('uuid')
  toItemId!: string;

  @Column({ type: 'enum', enum: ALIGNMENT_TYPES, enumName: 'framework_alignment_type' })
  type!: AlignmentType;

  /** True when the source states the link; false for a PSW's judgement still to be checked. */
  @Column({ type: 'boolean' })
  confirmed!: boolean;

  /** The citation (a mapping document) or the note that supports the link. */
  @Column({ type: 'varchar', length: 500 })
  source!: string;

  @Column('uuid')
  createdByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
