import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { QUALIFICATION_TYPES, type QualificationType } from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';

export const QualificationTypeEnum = Object.fromEntries(QUALIFICATION_TYPES.map((q) => [q, q])) as {
  [K in QualificationType]: K;
};
registerEnumType(QualificationTypeEnum, {
  name: 'QualificationType',
  description: 'A qualification that matters for sign-off or progression.',
  valuesMap: {
    PEPS_STAGE_1: { description: 'Practice Educator Professional Standards, Stage 1.' },
    PEPS_STAGE_2: { description: 'Practice Educator Professional Standards, Stage 2.' },
    ASYE_COMPLETED: { description: 'Passed the Assessed and Supported Year in Employment.' },
    AMHP: { description: 'Approved Mental Health Professional.' },
    BIA: { description: 'Best Interests Assessor.' },
    PQ_CREDITS: { description: 'Post-qualifying academic credits.' },
    PQ_AWARD: { description: 'A post-qualifying award.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'A qualification a member holds; only verified ones count.' })
export class Qualification {
  @Field(() => ID, { description: 'Qualification id.' })
  id!: string;

  @Field(() => ID, { description: 'Holder.' })
  userId!: string;

  @Field(() => QualificationTypeEnum, { description: 'Type.' })
  type!: QualificationType;

  @Field({ description: 'What the certificate says.' })
  title!: string;

  @Field(() => GraphQLLocalDate, { description: 'Awarded on (YYYY-MM-DD).' })
  awardedOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day it is current, if it expires.' })
  expiresOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Credits, where it carries them.' })
  credits!: number | null;

  @Field(() => ID, { nullable: true, description: 'Who verified it.' })
  verifiedByUserId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was verified.' })
  verifiedAt!: Date | null;
}

export const QualificationConnection = Connection(Qualification, 'Qualification');
