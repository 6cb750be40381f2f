import { ArgsType, Field, Float, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PathwayArgs } from './pathway.args.js';

@ArgsType()
export class CandidatesArgs extends PathwayArgs {
  @Field({ description: 'Route key.' })
  @IsString()
  @Length(1, 60)
  routeKey!: string;

  @Field(() => Float, {
    description: 'Include people not yet eligible from this closeness (0 to 1).',
    defaultValue: 0.5,
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  minCloseness: number = 0.5;

  @Field(() => Int, { description: 'How many (1 to 100).', defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor from the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
