import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { ReviewEvidenceInput } from './review-evidence.input.js';

/** The most pieces one bulk review decides: a page of the queue is 20, two and a half pages is plenty. */
export const REVIEW_BATCH_MAX = 50;

@InputType({
  description:
    'Several submitted pieces decided in one call: each with its own outcome, mapping decisions, comment and revision read.',
})
export class ReviewEvidenceBatchInput {
  @Field(() => [ReviewEvidenceInput], {
    description: `One decision per piece (1 to ${REVIEW_BATCH_MAX}), each exactly as reviewEvidence takes it; a version at most once.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REVIEW_BATCH_MAX)
  @ValidateNested({ each: true })
  @Type(() => ReviewEvidenceInput)
  reviews!: ReviewEvidenceInput[];
}
