import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@InputType({ description: 'Ask for a subject access export.' })
export class RequestSubjectAccessExportInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose data; yourself when omitted (an ORG_ADMIN may ask for anyone in the organisation).',
  })
  @IsOptional()
  @IsUUID()
  userId?: string | null;
}
