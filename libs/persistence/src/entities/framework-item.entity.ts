import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkVersionEntity } from './framework-version.entity.js';

/** One statement of a framework version (a PCF domain, an SWE sub-standard, a KSS statement…). */
@Entity({ name: 'framework_item' })
@Unique('framework_item_code_unique', ['frameworkVersionId', 'code'])
@Index('framework_item_tree_idx', ['frameworkVersionId', 'parentId', 'ordinal'])
@ForeignKey(() => FrameworkVersionEntity, ['frameworkVersionId'], ['id'], { onDelete: 'CASCADE' })
@ForeignKey(() => FrameworkItemEntity, ['parentId'], ['id'])
export class FrameworkItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  frameworkVersionId!: string;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  /** DOMAIN, SUPER_DOMAIN, STANDARD, SUB_STANDARD, STATEMENT… (free, per framework). */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  /** False where the reference could not confirm the official wording. */
  @Column({ type: 'boolean' })
  confirmed!: boolean;

  @Column({ type: 'jsonb' })
  attributes!: Record<string, unknown>;
}
