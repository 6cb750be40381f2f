import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { EvidenceKind } from '#app/domain';
import { BidirectionalPageArgs } from '../../../graphql/pagination.js';
import { EvidenceKindEnum } from '../models/portfolio-enums.js';

@ArgsType()
export class ReviewQueueArgs extends BidirectionalPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this practitioner’s submissions.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field(() => EvidenceKindEnum, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  @IsEnum(EvidenceKindEnum)
  kind?: EvidenceKind;

  @Field(() => String, { nullable: true, description: 'Only submissions mapped to this item code.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  itemCode?: string;

  @Field(() => Int, { nullable: true, description: 'Only submissions waiting at least this many days.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  minWaitingDays?: number;
}
