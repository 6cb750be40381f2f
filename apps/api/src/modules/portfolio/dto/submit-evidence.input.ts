import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import type { AssessmentContext } from '#app/domain';
import { AssessmentContextEnum } from '../models/portfolio-enums.js';

@InputType({ description: 'Send the current draft to a reviewer assigned to you.' })
export class SubmitEvidenceInput {
  @Field(() => ID, { description: 'Evidence id.' })
  @IsUUID()
  evidenceId!: string;

  @Field(() => ID, { description: 'User id of your assessor, practice educator or supervisor.' })
  @IsUUID()
  reviewerUserId!: string;

  @Field(() => AssessmentContextEnum, {
    nullable: true,
    description: 'Which assessment it is for; students say which placement.',
  })
  @IsOptional()
  @IsEnum(AssessmentContextEnum)
  assessmentContext?: AssessmentContext | null;
}
