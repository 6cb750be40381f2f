import {
  CreateDateColumn,
  Column,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

// Tenant-owned tables lead their primary key with organisation_id, so the data can
// later be distributed by organisation (Citus-style) without changing any key.
@Entity({ name: 'team' })
@Unique('team_name_unique', ['organisationId', 'name'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
export class TeamEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
