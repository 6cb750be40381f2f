import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { PathwayDesignInput } from './pathway-design.input.js';

@InputType({ description: 'Replace a draft’s design.' })
export class UpdatePathwayDraftInput {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;

  @Field(() => Int, {
    description: 'The revision you edited; a different one means someone else changed it.',
  })
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  @Field(() => PathwayDesignInput, { description: 'The whole design.' })
  @ValidateNested()
  @Type(() => PathwayDesignInput)
  design!: PathwayDesignInput;
}
