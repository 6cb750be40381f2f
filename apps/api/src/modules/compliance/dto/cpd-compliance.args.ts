import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';
import { PageArgs } from '../../../graphql/pagination.js';

@ArgsType()
export class CpdComplianceArgs {
  @Field(() => ID, { nullable: true, description: 'Whose compliance; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Judge the period containing this UK day (YYYY-MM-DD) instead of the current one.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  periodContaining?: string;
}

@ArgsType()
export class CpdAtRiskArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only members of this team.' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

@InputType({
  description: 'A CPD declaration or confirmation you made to your regulator (SSSC; Wales from April 2025).',
})
export class RecordCpdDeclarationInput {
  @Field({ description: 'The UK day you made it (YYYY-MM-DD); not in the future.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  madeOn!: string;
}
