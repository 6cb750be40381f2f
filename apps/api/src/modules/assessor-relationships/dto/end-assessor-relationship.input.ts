import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsUUID, Length } from 'class-validator';

@InputType({ description: 'End a relationship on a date.' })
export class EndAssessorRelationshipInput {
  @Field(() => ID, { description: 'Relationship id.' })
  @IsUUID()
  id!: string;

  @Field({ description: 'Last day in force (YYYY-MM-DD), not before it started.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;
}
