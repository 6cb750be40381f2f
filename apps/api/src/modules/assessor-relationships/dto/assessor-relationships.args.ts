import { ArgsType, Field, ID } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
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

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Only relationships in force on this date (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsDay()
  activeOn?: string;
}
