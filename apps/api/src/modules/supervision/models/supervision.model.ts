import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { SUPERVISION_KINDS, type SupervisionKind } from '#app/domain';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SupervisionKindEnum = enumOf(SUPERVISION_KINDS);
registerEnumType(SupervisionKindEnum, {
  name: 'SupervisionKind',
  description: 'What kind of supervision session it was.',
  valuesMap: {
    REFLECTIVE: { description: 'Reflective (professional) supervision.' },
    CASE_MANAGEMENT: { description: 'Case management supervision.' },
    GROUP: { description: 'Group supervision.' },
  },
});

export const SpanUnitEnum = enumOf(['DAYS', 'MONTHS'] as const);
registerEnumType(SpanUnitEnum, { name: 'SupervisionSpanUnit', description: 'Days or calendar months.' });

@ObjectType({
  description: 'A supervision session. Its notes are shown only to the supervisor and the supervisee.',
})
export class Supervision {
  @Field(() => ID, { description: 'Supervision id.' })
  id!: string;

  @Field(() => ID, { description: 'The supervisor.' })
  supervisorUserId!: string;

  @Field(() => ID, { description: 'The supervisee.' })
  superviseeUserId!: string;

  @Field(() => GraphQLLocalDate, { description: 'When it was held (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, { description: 'How long it lasted, in minutes.' })
  durationMinutes!: number;

  @Field(() => SupervisionKindEnum, { description: 'Kind of session.' })
  kind!: SupervisionKind;

  @Field(() => String, {
    nullable: true,
    description: 'The notes: null for anyone but the supervisor and the supervisee.',
  })
  notes!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The supervision-reflection evidence made of it, for the supervisor and supervisee.',
  })
  reflectionEvidenceId!: string | null;
}

@ObjectType({ description: 'How often supervision is due: every so many days or months.' })
export class SupervisionFrequency {
  @Field(() => SpanUnitEnum, { description: 'Days or months.' })
  unit!: 'DAYS' | 'MONTHS';

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({ description: 'Whether someone’s supervision is up to date under the organisation’s policy.' })
export class SupervisionStatus {
  @Field(() => ID, { description: 'The supervisee.' })
  superviseeUserId!: string;

  @Field(() => ID, { nullable: true, description: 'Their supervisor (assigned, else of the last session).' })
  supervisorUserId!: string | null;

  @Field({ description: 'Whether they are an NQSW (in an ASYE), supervised more often.' })
  nqsw!: boolean;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The last session that counts (long enough, of a counted kind).',
  })
  lastQualifyingOn!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When the next session is due.' })
  nextDueOn!: string | null;

  @Field(() => SupervisionFrequency, { description: 'The frequency in force today.' })
  every!: SupervisionFrequency;

  @Field({ description: 'Whether supervision is overdue.' })
  overdue!: boolean;

  @Field(() => Int, { description: 'Days overdue (0 when not).' })
  daysOverdue!: number;

  @Field({ description: 'Due within the policy’s due-soon days, not overdue.' })
  dueSoon!: boolean;

  @Field(() => Int, { description: 'Sessions so far that count.' })
  qualifyingSessions!: number;

  @Field(() => Int, { description: 'Sessions so far shorter than the policy’s minimum.' })
  sessionsUnderMinimum!: number;
}
