import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { AssessorCapacity } from '#app/domain';
import { AssessorCapacityEnum } from '../models/assessor-relationship.model.js';

@InputType({ description: 'Let an assessor review a practitioner’s evidence.' })
export class CreateAssessorRelationshipInput {
  @Field(() => ID, { description: 'User id of the assessor, educator or supervisor.' })
  @IsUUID()
  assessorUserId!: string;

  @Field(() => ID, { description: 'User id of the practitioner.' })
  @IsUUID()
  practitionerUserId!: string;

  @Field(() => AssessorCapacityEnum, { description: 'Capacity; the assessor must hold the matching role.' })
  @IsEnum(AssessorCapacityEnum)
  capacity!: AssessorCapacity;

  @Field(() => GraphQLLocalDate, { description: 'First day in force (YYYY-MM-DD).' })
  @IsDay()
  startsOn!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day in force (YYYY-MM-DD); omit for open-ended.',
  })
  @IsOptional()
  @IsDay()
  endsOn?: string | null;
}
