import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { EXPECTED_REVISION } from './input-rules.js';

@InputType({ description: 'Release a legal hold on a person’s records (ORG_ADMIN).' })
export class ReleaseLegalHoldInput {
  @Field(() => ID, { description: 'The person’s user id.' })
  @IsUUID()
  userId!: string;

  @Field(() => Int, EXPECTED_REVISION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
}
