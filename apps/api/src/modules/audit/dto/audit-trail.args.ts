import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { BidirectionalPageArgs } from '../../../graphql/pagination.js';

@ArgsType()
export class AuditTrailArgs extends BidirectionalPageArgs {
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
