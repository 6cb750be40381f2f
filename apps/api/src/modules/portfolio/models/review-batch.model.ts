import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EvidenceVersion } from './evidence.model.js';

@ObjectType({
  description: 'Why one piece of a bulk review was not decided: what reviewEvidence would have answered.',
})
export class ReviewRefusal {
  @Field({ description: 'The error code reviewEvidence gives, e.g. CONFLICT, FORBIDDEN, NOT_FOUND.' })
  code!: string;

  @Field({ description: 'The domain code, e.g. STALE_VERSION.' })
  domainCode!: string;

  @Field({ description: 'What went wrong, in words.' })
  message!: string;

  @Field({ description: 'The input at fault, e.g. input.reviews[2].expectedRevision.' })
  field!: string;
}

@ObjectType({ description: 'One piece of a bulk review: decided (its version) or refused (why).' })
export class ReviewBatchItem {
  @Field(() => ID, { description: 'The version this entry is about, as sent.' })
  evidenceVersionId!: string;

  @Field(() => EvidenceVersion, { nullable: true, description: 'The version as decided; null if refused.' })
  version!: EvidenceVersion | null;

  @Field(() => ReviewRefusal, { nullable: true, description: 'Why it was not decided; null if decided.' })
  refusal!: ReviewRefusal | null;
}

@ObjectType({ description: 'The outcome of a bulk review: one entry per piece sent, in the order sent.' })
export class ReviewEvidenceBatchResult {
  @Field(() => [ReviewBatchItem], { description: 'One entry per piece sent, in the order sent.' })
  items!: ReviewBatchItem[];
}
