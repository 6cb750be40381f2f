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
import { SUBJECT_ACCESS_EXPORT_STATUSES, type SubjectAccessExportStatus } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';

/**
 * A subject access request (UK GDPR art. 15): everything held about one person, produced by the
 * job queue as a zip (JSON records plus the attachment files) and downloaded by the requester.
 */
@Entity({ name: 'subject_access_export' })
@Check(
  'subject_access_export_ready_has_file',
  `"status" <> 'READY' OR ("storage_key" IS NOT NULL AND "size_bytes" IS NOT NULL AND "sha256" IS NOT NULL)`,
)
@Index('subject_access_export_subject_idx', ['organisationId', 'subjectUserId', 'requestedAt'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'subjectUserId'], ['organisationId', 'userId'])
@ForeignKey(() => MembershipEntity, ['organisationId', 'requestedByUserId'], ['organisationId', 'userId'])
export class SubjectAccessExportEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  subjectUserId!: string;

  @Column('uuid')
  requestedByUserId!: string;

  @Column({
    type: 'enum',
    enum: SUBJECT_ACCESS_EXPORT_STATUSES,
    enumName: 'subject_access_export_status',
  })
  status!: SubjectAccessExportStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt!: Date | null;

  /** Where the archive is kept (opaque to callers). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  @Column({ type: 'int', nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  /** Counts of records per kind in the archive, for the requester to check at a glance. */
  @Column({ type: 'jsonb', nullable: true })
  contents!: Record<string, number> | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
