import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';

@ArgsType()
export class AsyeCohortArgs {
  @Field({ description: 'Include ASYEs whose outcome is confirmed.', defaultValue: false })
  @IsBoolean()
  includeConfirmed: boolean = false;
}
