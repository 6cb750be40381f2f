import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import { NOT_BLANK, LONG_TEXT } from './input-rules.js';

@InputType({
  description: 'What was learnt from discussing the evidence with a peer, manager or other professional.',
})
export class PeerReflectionInput {
  @Field({ description: 'The reflection.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LONG_TEXT)
  text!: string;

  @Field(() => String, { nullable: true, description: 'The peer’s role.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  peerRole?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it was discussed (YYYY-MM-DD).' })
  @IsOptional()
  @IsDay()
  discussedOn?: string | null;
}
