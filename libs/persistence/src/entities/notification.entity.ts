import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { NOTIFICATION_KINDS, type NotificationKind } from '#app/domain';
import { MembershipEntity } from './membership.entity.js';

/**
 * A message for one member, made by the reminder scan. The title and body say nothing the
 * recipient may not see. `dedupeKey` is unique per recipient, so each reminder is stored once
 * (and emailed at most once) however many scans run, on however many instances. `emailedAt` is
 * set when the email is claimed for sending, before it is handed to the mail server.
 */
@Entity({ name: 'notification' })
@Unique('notification_dedupe', ['organisationId', 'recipientUserId', 'dedupeKey'])
@Index('notification_recipient_idx', ['organisationId', 'recipientUserId', 'createdAt', 'id'])
@Index('notification_unsent_idx', ['createdAt'], { where: '"emailed_at" IS NULL' })
@ForeignKey(() => MembershipEntity, ['organisationId', 'recipientUserId'], ['organisationId', 'userId'])
export class NotificationEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  recipientUserId!: string;

  @Column({ type: 'enum', enum: NOTIFICATION_KINDS, enumName: 'notification_kind' })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  /** What it is about (e.g. ASYE_PROGRAMME and its id), for a link in a client. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  entityType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  emailedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
