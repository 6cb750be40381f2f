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
import { OrganisationEntity } from './organisation.entity.js';

/**
 * An organisation's revocation list, a W3C Bitstring Status List: each credential issued since
 * revocation existed holds one entry, chosen at random. Two bitmaps of `length` bits: which
 * entries are taken, and which are revoked (kept here, not derived from the credentials, so an
 * erased credential's revocation stays published). `jwt` is the signed BitstringStatusListCredential
 * served at the list's public URL, signed again at every revocation.
 */
@Entity({ name: 'credential_status_list' })
@Index('credential_status_list_open_idx', ['organisationId', 'createdAt'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
@Check('credential_status_list_length', `"length" >= 131072 AND "length" % 8 = 0`)
@Check(
  'credential_status_list_bitmaps',
  `octet_length("allocated") * 8 = "length" AND octet_length("revoked") * 8 = "length"`,
)
@Check('credential_status_list_count', `"allocated_count" BETWEEN 0 AND "length"`)
export class CredentialStatusListEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  /** Unique across organisations: the public URL names the list by it. */
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Entries in the list (bits). */
  @Column('integer')
  length!: number;

  /** One bit per entry, set once the entry is given to a credential. */
  @Column('bytea')
  allocated!: Buffer;

  @Column('integer')
  allocatedCount!: number;

  /** One bit per entry, set when the credential holding it is revoked. */
  @Column('bytea')
  revoked!: Buffer;

  /** The signed BitstringStatusListCredential (VC-JWT) as published. */
  @Column('text')
  jwt!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  signedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
