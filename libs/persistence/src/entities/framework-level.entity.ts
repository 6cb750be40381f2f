import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkVersionEntity } from './framework-version.entity.js';

/** An ordered level of a framework version (PCF: Entry … Strategic). */
@Entity({ name: 'framework_level' })
@Unique('framework_level_code_unique', ['frameworkVersionId', 'code'])
@Unique('framework_level_ordinal_unique', ['frameworkVersionId', 'ordinal'])
@ForeignKey(() => FrameworkVersionEntity, ['frameworkVersionId'], ['id'], { onDelete: 'CASCADE' })
export class FrameworkLevelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  frameworkVersionId!: string;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 60 })
  groupName!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'boolean' })
  confirmed!: boolean;
}
