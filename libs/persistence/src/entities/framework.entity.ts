import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A framework (PCF, SWE professional standards, KSS…). The reference frameworks shipped with
 * Pathways have no organisation and are shared by every organisation; a framework an organisation
 * imported (a CASE file) belongs to it and only it sees it. Codes are unique among the reference
 * frameworks and within each organisation. `organisation_id` has no foreign key on purpose: one
 * would make emptying tenant tables (TRUNCATE … CASCADE) take the reference frameworks with them.
 */
@Entity({ name: 'framework' })
@Index('framework_reference_code_unique', ['code'], { unique: true, where: '"organisation_id" IS NULL' })
@Index('framework_organisation_code_unique', ['organisationId', 'code'], {
  unique: true,
  where: '"organisation_id" IS NOT NULL',
})
export class FrameworkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The organisation that imported it; null for a reference framework. */
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  owner!: string;

  @Column({ type: 'text' })
  description!: string;
}
