import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { SupervisionKind } from '#app/domain';
import { SupervisionKindEnum } from '../models/supervision.model.js';

@InputType({ description: 'Record a supervision session you gave or received.' })
export class RecordSupervisionInput {
  @Field(() => ID, { nullable: true, description: 'The supervisor; you when omitted.' })
  @IsOptional()
  @IsUUID()
  supervisorId?: string | null;

  @Field(() => ID, { description: 'The supervisee (you, when you record supervision you received).' })
  @IsUUID()
  superviseeId!: string;

  @Field(() => GraphQLLocalDate, { description: 'When it was held (YYYY-MM-DD); not in the future.' })
  @IsDay()
  date!: string;

  @Field(() => Int, { description: 'How long it lasted, in minutes (at most a working day).' })
  @IsInt()
  @Min(1)
  durationMinutes!: number;

  @Field(() => SupervisionKindEnum, { description: 'Kind of session.' })
  @IsEnum(SupervisionKindEnum)
  kind!: SupervisionKind;

  @Field({ description: 'Notes, private to the supervisor and supervisee.', defaultValue: '' })
  @IsString()
  @MaxLength(20_000)
  notes: string = '';

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
