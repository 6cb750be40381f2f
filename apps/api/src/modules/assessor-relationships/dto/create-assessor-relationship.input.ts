import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';
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

  @Field({ description: 'First day in force (YYYY-MM-DD).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startsOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day in force (YYYY-MM-DD); omit for open-ended.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn?: string | null;
}
