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
import { ASSESSOR_CAPACITIES, type AssessorCapacity } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';

/**
 * Who may review whose evidence, in which capacity, from when to when.
 * Both people are referenced through their membership of the same organisation,
 * so the database itself refuses a relationship across organisations.
 */
@Entity({ name: 'assessor_relationship' })
@Check('assessor_relationship_not_self', `"assessor_user_id" <> "practitioner_user_id"`)
@Check('assessor_relationship_dates', `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
@Index('assessor_relationship_practitioner_idx', ['organisationId', 'practitionerUserId'])
@Index('assessor_relationship_assessor_idx', ['organisationId', 'assessorUserId'])
@Index('assessor_relationship_keyset_idx', ['organisationId', 'createdAt', 'id'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'assessorUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'practitionerUserId'], ['organisationId', 'userId'])
export class AssessorRelationshipEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  assessorUserId!: string;

  @Column('uuid')
  practitionerUserId!: string;

  @Column({ type: 'enum', enum: ASSESSOR_CAPACITIES, enumName: 'assessor_capacity' })
  capacity!: AssessorCapacity;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Column('uuid')
  createdByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
