import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsISO8601, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { EXPECTED_REVISION } from './input-rules.js';

@InputType({ description: 'End a person’s membership of the organisation (ORG_ADMIN).' })
export class EndMembershipInput {
  @Field(() => ID, { description: 'The member’s user id.' })
  @IsUUID()
  userId!: string;

  @Field({
    description:
      'The first day without access (YYYY-MM-DD, UK day): today, or up to a year ahead. From that day the person keeps only their own records, for the organisation’s leaver retention period.',
  })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;

  @Field(() => Int, EXPECTED_REVISION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
}
