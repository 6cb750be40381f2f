import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsString, Length, ValidateNested } from 'class-validator';
import { PathwayStageInput } from './pathway-stage.input.js';
import { PathwayRouteInput } from './pathway-route.input.js';

@InputType({ description: 'A whole pathway design: the stages and the routes between them.' })
export class PathwayDesignInput {
  @Field({ description: 'The PCF version its levels and domains refer to.', defaultValue: '2018' })
  @IsString()
  @Length(1, 40)
  pcfVersion: string = '2018';

  @Field(() => [PathwayStageInput], { description: 'Stages.' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PathwayStageInput)
  stages!: PathwayStageInput[];

  @Field(() => [PathwayRouteInput], { description: 'Routes.' })
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => PathwayRouteInput)
  routes!: PathwayRouteInput[];
}
