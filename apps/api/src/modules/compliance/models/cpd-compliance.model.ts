import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import {
  CPD_PROGRESS_UNITS,
  type CpdProgressUnit,
  type CpdRequirementCode,
  type Regulator,
} from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';
import { RegulatorEnum } from '../../organisation/models/user.model.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const CpdRequirementCodeEnum = enumOf([
  'DISTINCT_PIECES',
  'PIECES_WITH_PEER_REFLECTION',
  'HOURS',
  'DECLARATION',
] as const satisfies readonly CpdRequirementCode[]);
registerEnumType(CpdRequirementCodeEnum, {
  name: 'CpdRequirementCode',
  description: 'What a regulator requires in each CPD period.',
  valuesMap: {
    DISTINCT_PIECES: { description: 'A number of different, complete pieces of CPD dated in the period.' },
    PIECES_WITH_PEER_REFLECTION: { description: 'A number of those pieces including a peer reflection.' },
    HOURS: { description: 'A number of hours of CPD dated in the period.' },
    DECLARATION: { description: 'A declaration or confirmation made to the regulator in the period.' },
  },
});

export const CpdProgressUnitEnum = enumOf(CPD_PROGRESS_UNITS);
registerEnumType(CpdProgressUnitEnum, {
  name: 'CpdProgressUnit',
  description: 'What a CPD requirement counts.',
});

@ObjectType({ description: 'One requirement of the regulator for the period, with progress.' })
export class CpdRequirement {
  @Field(() => CpdRequirementCodeEnum, { description: 'What is required.' })
  code!: CpdRequirementCode;

  @Field({ description: 'Whether it is met.' })
  met!: boolean;

  @Field(() => Float, { description: 'Progress so far (pieces, hours or declarations).' })
  current!: number;

  @Field(() => Float, { description: 'What is required.' })
  required!: number;

  @Field(() => CpdProgressUnitEnum, { description: 'What is counted.' })
  unit!: CpdProgressUnit;

  @Field(() => String, {
    nullable: true,
    description: 'What is still needed, in plain English; null when met.',
  })
  missing!: string | null;
}

@ObjectType({
  description:
    'Whether a practitioner meets their regulator’s CPD rules for one period (UK dates), judged by the rule set in force on its deadline day.',
})
export class CpdCompliance {
  @Field(() => ID, { description: 'The practitioner.' })
  practitionerUserId!: string;

  @Field(() => RegulatorEnum, { description: 'Their regulator.' })
  regulator!: Regulator;

  @Field({ description: 'The rule set applied, e.g. SWE_2022_TWO_PIECES_PEER.' })
  ruleSetId!: string;

  @Field({ description: 'What the rule set asks, in plain English.' })
  ruleSetDescription!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the period (YYYY-MM-DD).' })
  periodStart!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the period.' })
  periodEnd!: string;

  @Field(() => GraphQLLocalDate, { description: 'The UK day of the deadline.' })
  deadlineOn!: string;

  @Field({ description: 'The deadline: 23:59:59 UK time on deadlineOn.' })
  deadline!: Date;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day of the renewal window, where there is one.',
  })
  renewalWindowOpensOn!: string | null;

  @Field(() => Int, { description: 'Whole UK days to the deadline: 0 on the day, negative after.' })
  daysLeft!: number;

  @Field({ description: 'Whether the deadline has passed.' })
  deadlinePassed!: boolean;

  @Field({ description: 'Joined too late in the registration year to owe CPD for it.' })
  exempt!: boolean;

  @Field({ description: 'Every requirement met (or exempt).' })
  met!: boolean;

  @Field({ description: 'Not met, deadline not passed, and the deadline is near.' })
  atRisk!: boolean;

  @Field(() => [CpdRequirement], { description: 'Each requirement with its progress; empty when exempt.' })
  requirements!: CpdRequirement[];
}

export const CpdComplianceConnection = Connection(CpdCompliance, 'CpdAtRisk');
