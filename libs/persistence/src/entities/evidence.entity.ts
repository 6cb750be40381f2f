import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MembershipEntity } from './membership.entity.js';

/**
 * A piece of portfolio evidence: the identity its versions share. Everything a
 * practitioner wrote lives in `evidence_version`; an approved version is never edited.
 */
@Entity({ name: 'evidence' })
@Index('evidence_owner_idx', ['organisationId', 'ownerUserId', 'createdAt', 'id'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'ownerUserId'], ['organisationId', 'userId'])
export class EvidenceEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  ownerUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
