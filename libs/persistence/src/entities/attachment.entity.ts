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
import { EvidenceVersionEntity } from './evidence-version.entity.js';

/**
 * A file attached to one version of evidence. The bytes live in the attachment store under
 * `storage_key` (content-addressed per organisation), so a new version shares its files with the old.
 */
@Entity({ name: 'attachment' })
@Check('attachment_size', `"size_bytes" > 0`)
@Index('attachment_version_idx', ['organisationId', 'evidenceVersionId'])
@ForeignKey(() => EvidenceVersionEntity, ['organisationId', 'evidenceVersionId'], ['organisationId', 'id'], {
  onDelete: 'CASCADE',
})
export class AttachmentEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  evidenceVersionId!: string;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  /** Detected from the bytes, never taken from the client. */
  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column('uuid')
  uploadedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
