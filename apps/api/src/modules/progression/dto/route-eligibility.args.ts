import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { ProgressionArgs } from './progression.args.js';

@ArgsType()
export class RouteEligibilityArgs extends ProgressionArgs {
  @Field({ description: 'Route key.' })
  @IsString()
  @Length(1, 60)
  routeKey!: string;
}
