import { Field, InputType } from '@nestjs/graphql';
import { IsISO8601, Length } from 'class-validator';

@InputType({
  description: 'A CPD declaration or confirmation you made to your regulator (SSSC; Wales from April 2025).',
})
export class RecordCpdDeclarationInput {
  @Field({ description: 'The UK day you made it (YYYY-MM-DD); not in the future.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  madeOn!: string;
}
