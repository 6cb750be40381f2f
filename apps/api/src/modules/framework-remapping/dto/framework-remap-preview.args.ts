import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RemapVersions } from './remap-versions.js';

@ArgsType()
export class FrameworkRemapPreviewArgs extends RemapVersions {
  @Field(() => ID, {
    nullable: true,
    description:
      'The pathway whose published routes to compare eligibility on; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;

  @Field(() => Int, { description: 'Practitioners per page (1 to 100).', defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Cursor from the previous page of practitioners.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
