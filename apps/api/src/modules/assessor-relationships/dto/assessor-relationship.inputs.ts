import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';
import type { AssessorCapacity } from '#app/domain';
import { PageArgs } from '../../../graphql/pagination.js';
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

@InputType({ description: 'End a relationship on a date.' })
export class EndAssessorRelationshipInput {
  @Field(() => ID, { description: 'Relationship id.' })
  @IsUUID()
  id!: string;

  @Field({ description: 'Last day in force (YYYY-MM-DD), not before it started.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;
}

@ArgsType()
export class AssessorRelationshipsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this practitioner’s relationships.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this assessor’s relationships.' })
  @IsOptional()
  @IsUUID()
  assessorUserId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only relationships in force on this date (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  activeOn?: string;
}
