import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../../graphql/pagination.js';

@ObjectType({ description: 'One entry of the append-only audit trail.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Sequence number; later events have larger ones.' })
  id!: string;

  @Field({ description: 'When it happened.' })
  occurredAt!: Date;

  actorUserId!: string | null;

  @Field({ description: 'The role the actor acted in.' })
  actorRole!: string;

  @Field({ description: 'What happened, e.g. EVIDENCE_APPROVED.' })
  action!: string;

  @Field({ description: 'What kind of record it concerns, e.g. EVIDENCE.' })
  entityType!: string;

  @Field(() => ID, { description: 'The record it concerns.' })
  entityId!: string;

  @Field(() => ID, { nullable: true, description: 'The person the record is about.' })
  subjectUserId!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'What changed: field names, and values of fields that are not free text.',
  })
  changes!: Record<string, unknown>;
}

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');
