import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * An organisation's key for signing verifiable credentials. The private half is stored only
 * encrypted (AES-256-GCM under a key-encryption key derived from the configured secret); the public
 * half stays readable so credentials signed before a rotation still verify. One active key per
 * organisation: rotation retires the current one and adds another.
 */
@Entity({ name: 'signing_key' })
@Index('signing_key_one_active', ['organisationId'], { unique: true, where: '"retired_at" IS NULL' })
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'], { onDelete: 'CASCADE' })
export class SigningKeyEntity {
  /** The JOSE key id, carried in each credential's header; unique across organisations. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid!: string;

  @Column('uuid')
  organisationId!: string;

  /** JOSE algorithm, e.g. EdDSA. */
  @Column({ type: 'varchar', length: 10 })
  algorithm!: string;

  @Column({ type: 'jsonb' })
  publicJwk!: JWK;

  /** The private JWK, encrypted: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  @Column({ type: 'text' })
  encryptedPrivateKey!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  retiredAt!: Date | null;
}
