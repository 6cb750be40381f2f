import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { REGULATORS, type Regulator } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';

/**
 * A CPD declaration or confirmation the practitioner made to a regulator whose rules ask for one
 * (SSSC's annual declaration, Social Care Wales's confirmation from April 2025).
 */
@Entity({ name: 'cpd_declaration' })
@Index('cpd_declaration_user_idx', ['organisationId', 'userId', 'madeOn'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'userId'], ['organisationId', 'userId'])
export class CpdDeclarationEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column({ type: 'enum', enum: REGULATORS, enumName: 'regulator' })
  regulator!: Regulator;

  /** The UK day it was made to the regulator. */
  @Column({ type: 'date' })
  madeOn!: string;

  /** The rule set it answered, e.g. SSSC_2024_ANNUAL_DECLARATION. */
  @Column({ type: 'varchar', length: 60 })
  ruleSetId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
