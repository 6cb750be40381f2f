import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { MappingDecision } from '#app/domain';
import { MappingDecisionEnum } from '../models/portfolio-enums.js';

@InputType({ description: 'The decision on one claimed mapping.' })
export class MappingDecisionInput {
  @Field(() => ID, { description: 'Mapping id.' })
  @IsUUID()
  mappingId!: string;

  @Field(() => MappingDecisionEnum, { description: 'Accepted, accepted at another level, or not accepted.' })
  @IsEnum(MappingDecisionEnum)
  decision!: MappingDecision;

  @Field(() => String, { nullable: true, description: 'The level accepted, for ACCEPTED_AT_OTHER_LEVEL.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  levelCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The pathway accepted, where the level has pathways.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pathwayCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Comment on this mapping.' })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  comment?: string | null;
}
