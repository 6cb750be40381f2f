import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection, PageArgs } from '../../graphql/pagination.js';

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

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Only events about this record (e.g. a piece of evidence).',
  })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only events about this person; practitioners always see only their own.',
  })
  @IsOptional()
  @IsUUID()
  subjectUserId?: string;
}
