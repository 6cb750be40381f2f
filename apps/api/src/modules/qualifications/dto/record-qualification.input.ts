import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { QualificationType } from '#app/domain';
import { QualificationTypeEnum } from '../models/qualification.model.js';

@InputType({ description: 'Record a qualification (unverified until a PSW or administrator checks it).' })
export class RecordQualificationInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Holder; yourself when omitted (PSWs and administrators may name anyone).',
  })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @Field(() => QualificationTypeEnum, { description: 'Type.' })
  @IsEnum(QualificationTypeEnum)
  type!: QualificationType;

  @Field({ description: 'What the certificate says.' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200)
  title!: string;

  @Field(() => GraphQLLocalDate, { description: 'Awarded on (YYYY-MM-DD).' })
  @IsDay()
  awardedOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day it is current.' })
  @IsOptional()
  @IsDay()
  expiresOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Credits.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  credits?: number | null;
}
