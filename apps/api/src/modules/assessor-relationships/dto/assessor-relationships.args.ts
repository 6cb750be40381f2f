import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';
import { PageArgs } from '../../../graphql/pagination.js';

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
