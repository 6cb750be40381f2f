import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { trim, EXPECTED_REVISION } from './input-rules.js';

@InputType({ description: 'Keep a person’s records whatever the retention period says (ORG_ADMIN).' })
export class PlaceLegalHoldInput {
  @Field(() => ID, { description: 'The person’s user id.' })
  @IsUUID()
  userId!: string;

  @Field({ description: 'Why the records must be kept (litigation, an inquiry): up to 500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  reason!: string;

  @Field(() => Int, EXPECTED_REVISION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
}
