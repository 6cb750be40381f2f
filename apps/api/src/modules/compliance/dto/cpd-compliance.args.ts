import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';

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
