import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { FrameworkVersionEntity } from './framework-version.entity.js';
import { MembershipEntity } from './membership.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * One time a PSW remapped the organisation's evidence from one framework version to another: which
 * versions, who and when, and how many mappings it derived, found derived already by an earlier run,
 * left to their original mapping, or could not map. Counts only: the derived mappings name the run.
 */
@Entity({ name: 'framework_remap_run' })
@Index('framework_remap_run_versions_idx', ['organisationId', 'fromVersionId', 'toVersionId', 'createdAt'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
@ForeignKey(() => MembershipEntity, ['organisationId', 'runByUserId'], ['organisationId', 'userId'])
@ForeignKey(() => FrameworkVersionEntity, ['fromVersionId'], ['id'])
@ForeignKey(() => FrameworkVersionEntity, ['toVersionId'], ['id'])
@Check('framework_remap_run_versions', `"from_version_id" <> "to_version_id"`)
@Check(
  'framework_remap_run_counts',
  `"derived_count" >= 0 AND "already_derived_count" >= 0 AND "already_mapped_count" >= 0 AND "unmapped_count" >= 0`,
)
export class FrameworkRemapRunEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  fromVersionId!: string;

  @Column('uuid')
  toVersionId!: string;

  @Column('uuid')
  runByUserId!: string;

  /** Mappings this run derived. */
  @Column({ type: 'int' })
  derivedCount!: number;

  /** Mappings an earlier run had derived already: a second run adds nothing. */
  @Column({ type: 'int' })
  alreadyDerivedCount!: number;

  /** Source mappings whose evidence already maps to every target itself. */
  @Column({ type: 'int' })
  alreadyMappedCount!: number;

  /** Source mappings whose item has no target in the version remapped to. */
  @Column({ type: 'int' })
  unmappedCount!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
