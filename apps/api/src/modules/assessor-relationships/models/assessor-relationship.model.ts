import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ASSESSOR_CAPACITIES, type AssessorCapacity } from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';

export const AssessorCapacityEnum = Object.fromEntries(ASSESSOR_CAPACITIES.map((c) => [c, c])) as {
  [K in AssessorCapacity]: K;
};
registerEnumType(AssessorCapacityEnum, {
  name: 'AssessorCapacity',
  description: 'In which capacity an assessor reviews a practitioner’s evidence.',
  valuesMap: {
    PRACTICE_EDUCATOR: { description: 'Practice educator of a student on placement (PEPS).' },
    ASYE_ASSESSOR: { description: 'Assessor of a newly qualified social worker’s ASYE.' },
    SUPERVISOR: { description: 'Professional supervisor.' },
  },
});

@ObjectType({ description: 'Who may review whose evidence, in which capacity, and when.' })
export class AssessorRelationship {
  @Field(() => ID, { description: 'Relationship id.' })
  id!: string;

  @Field(() => ID, { description: 'User id of the assessor, educator or supervisor.' })
  assessorUserId!: string;

  @Field(() => ID, { description: 'User id of the practitioner.' })
  practitionerUserId!: string;

  @Field(() => AssessorCapacityEnum, { description: 'Capacity.' })
  capacity!: AssessorCapacity;

  @Field(() => GraphQLLocalDate, { description: 'First day in force (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day in force (YYYY-MM-DD), or null while open-ended.',
  })
  endsOn!: string | null;

  @Field({ description: 'When it was recorded.' })
  createdAt!: Date;
}

export const AssessorRelationshipConnection = Connection(AssessorRelationship, 'AssessorRelationship');
