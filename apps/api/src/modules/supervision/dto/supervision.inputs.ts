import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import type { SupervisionKind } from '#app/domain';
import { SupervisionKindEnum } from '../models/supervision.model.js';

const NOT_BLANK = /\S/;

@InputType({ description: 'Record a supervision session you gave or received.' })
export class RecordSupervisionInput {
  @Field(() => ID, { nullable: true, description: 'The supervisor; you when omitted.' })
  @IsOptional()
  @IsUUID()
  supervisorId?: string | null;

  @Field(() => ID, { description: 'The supervisee (you, when you record supervision you received).' })
  @IsUUID()
  superviseeId!: string;

  @Field({ description: 'When it was held (YYYY-MM-DD); not in the future.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
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

@InputType({
  description: 'Turn a supervision you received into a supervision-reflection draft in your portfolio.',
})
export class CreateEvidenceFromSupervisionInput {
  @Field(() => ID, { description: 'The supervision.' })
  @IsUUID()
  supervisionId!: string;

  @Field(() => String, { nullable: true, description: 'Title; a default names the kind and date.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(200)
  title?: string | null;

  @Field({
    description: 'What was discussed, without anything that identifies people you work with.',
    defaultValue: '',
  })
  @IsString()
  @MaxLength(20_000)
  description: string = '';

  @Field({ description: 'What I learnt.', defaultValue: '' })
  @IsString()
  @MaxLength(20_000)
  learning: string = '';

  @Field({ description: 'The impact on my practice.', defaultValue: '' })
  @IsString()
  @MaxLength(20_000)
  impact: string = '';

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}

@ArgsType()
export class SupervisionsArgs {
  @Field(() => ID, { nullable: true, description: 'Whose supervision; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}

export const OVERDUE_SCOPES = ['MINE', 'ORGANISATION'] as const;
export type OverdueScope = (typeof OVERDUE_SCOPES)[number];
export const OverdueScopeEnum = { MINE: 'MINE', ORGANISATION: 'ORGANISATION' } as const;
registerEnumType(OverdueScopeEnum, {
  name: 'OverdueSupervisionScope',
  description:
    'Whose overdue supervision: the people you supervise, or the whole organisation (PSWs, administrators).',
});

@ArgsType()
export class OverdueSupervisionsArgs {
  @Field(() => OverdueScopeEnum, { description: 'Whose.', defaultValue: 'MINE' })
  @IsEnum(OverdueScopeEnum)
  scope: OverdueScope = 'MINE';
}
