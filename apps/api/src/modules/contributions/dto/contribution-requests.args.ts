import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class ContributionRequestsArgs {
  @Field(() => ID, { description: 'A piece of your evidence.' })
  @IsUUID()
  evidenceId!: string;
}
