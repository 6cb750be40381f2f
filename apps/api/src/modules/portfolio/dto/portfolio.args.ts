import { ArgsType, Field, ID } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { EvidenceKind, EvidenceStatus } from '#app/domain';
import { BidirectionalPageArgs } from '../../../graphql/pagination.js';
import { EvidenceKindEnum, EvidenceStatusEnum } from '../models/portfolio-enums.js';

@ArgsType()
export class PortfolioArgs extends BidirectionalPageArgs {
  @Field(() => ID, { nullable: true, description: 'Whose portfolio; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field(() => EvidenceKindEnum, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  @IsEnum(EvidenceKindEnum)
  kind?: EvidenceKind;

  @Field(() => EvidenceStatusEnum, {
    nullable: true,
    description: 'Only this status (of the newest version).',
  })
  @IsOptional()
  @IsEnum(EvidenceStatusEnum)
  status?: EvidenceStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Only evidence mapped to this item code (e.g. a PCF domain).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  itemCode?: string;

  @Field(() => String, { nullable: true, description: 'Only evidence mapped at this level code.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  levelCode?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Only evidence dated in this Social Work England registration year, e.g. "2025-26" (1 Dec 2025 to 30 Nov 2026).',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: 'must look like 2025-26' })
  registrationYear?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only evidence dated on or after this day.' })
  @IsOptional()
  @IsDay()
  dateFrom?: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Only evidence dated on or before this day.',
  })
  @IsOptional()
  @IsDay()
  dateTo?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the title and reflections ("quoted phrases", -excluded words).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
