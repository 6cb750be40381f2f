import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsDay } from '../../../common/is-day.js';

@InputType({
  description: 'A CPD declaration or confirmation you made to your regulator (SSSC; Wales from April 2025).',
})
export class RecordCpdDeclarationInput {
  @Field(() => GraphQLLocalDate, { description: 'The UK day you made it (YYYY-MM-DD); not in the future.' })
  @IsDay()
  madeOn!: string;
}
