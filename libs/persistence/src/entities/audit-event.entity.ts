import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * Append-only trail of who did what. A trigger (see the migration) refuses
 * UPDATE and DELETE, so not even the application can rewrite it.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_entity_idx', ['organisationId', 'entityType', 'entityId', 'id'])
@Index('audit_event_subject_idx', ['organisationId', 'subjectUserId', 'id'])
@ForeignKey(() => OrganisationEntity, ['organisationId'], ['id'])
export class AuditEventEntity {
  @PrimaryColumn('uuid')
  organisationId!: string;

  /** Monotonic, so it doubles as the keyset cursor and the order of events. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** The role the actor was acting in (PRACTITIONER, ASSESSOR, ORG_ADMIN, SYSTEM…). */
  @Column({ type: 'varchar', length: 40 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column('uuid')
  entityId!: string;

  /** The person the record is about (the practitioner whose evidence it is), for their own trail. */
  @Column({ type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  /** What changed: field names with old and new values, never free text of a portfolio. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;
}
