import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkLevelEntity } from './framework-level.entity.js';

/** A parallel pathway within a level (PCF Advanced: practitioner, educator, manager). */
@Entity({ name: 'framework_level_pathway' })
@Unique('framework_level_pathway_code_unique', ['frameworkLevelId', 'code'])
@ForeignKey(() => FrameworkLevelEntity, ['frameworkLevelId'], ['id'], { onDelete: 'CASCADE' })
export class FrameworkLevelPathwayEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  frameworkLevelId!: string;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  /** Order within the level, from 1. */
  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'boolean' })
  confirmed!: boolean;
}
