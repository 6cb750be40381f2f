import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
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

  @Field({ description: 'Awarded on (YYYY-MM-DD).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  awardedOn!: string;

  @Field(() => String, { nullable: true, description: 'Last day it is current.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  expiresOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Credits.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  credits?: number | null;
}
