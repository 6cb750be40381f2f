import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { PathwayStageInput } from './pathway-stage.input.js';
import { PathwayRouteInput } from './pathway-route.input.js';

@InputType({ description: 'Add a route to a draft, or replace the route with the same key.' })
export class PutPathwayRouteInput {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;

  @Field(() => Int, { description: 'The revision you edited.' })
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  @Field(() => PathwayStageInput, {
    nullable: true,
    description: 'A stage to add first (or replace, by key).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PathwayStageInput)
  stage?: PathwayStageInput;

  @Field(() => PathwayRouteInput, { description: 'The route.' })
  @ValidateNested()
  @Type(() => PathwayRouteInput)
  route!: PathwayRouteInput;
}
