import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type {
  AssessmentContext,
  CpdActivityType,
  EvidenceKind,
  EvidenceStatus,
  IdentifierKind,
  MappingDecision,
  ReviewOutcome,
} from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';
import {
  AssessmentContextEnum,
  CpdActivityTypeEnum,
  EvidenceKindEnum,
  EvidenceStatusEnum,
  IdentifierKindEnum,
  MappingDecisionEnum,
  ReviewOutcomeEnum,
} from './portfolio-enums.js';
import { Node } from '../../../graphql/node.model.js';

@ObjectType({
  description: 'Where a likely identifier sits in a text field; the text itself is never repeated.',
})
export class IdentifierWarning {
  @Field({ description: 'The field, e.g. learning or mappings[0].rationale.' })
  field!: string;

  @Field(() => IdentifierKindEnum, { description: 'What it looks like.' })
  kind!: IdentifierKind;

  @Field(() => Int, { description: 'Offset of its first character.' })
  start!: number;

  @Field(() => Int, { description: 'Offset just after its last character.' })
  end!: number;
}

@ObjectType({
  description:
    'What was learnt from discussing a piece with a peer; recorded by the practitioner, never signed off.',
})
export class PeerReflection {
  @Field({ description: 'The reflection.' })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The peer’s role (peer, manager, other professional).',
  })
  peerRole!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it was discussed (YYYY-MM-DD).' })
  discussedOn!: string | null;
}

@ObjectType({
  description: 'A claim that a version of evidence shows a framework item at a level, and its decision.',
})
export class EvidenceMapping {
  @Field(() => ID, { description: 'Mapping id (decisions refer to it).' })
  id!: string;

  frameworkItemId!: string;
  frameworkLevelId!: string | null;
  frameworkLevelPathwayId!: string | null;
  acceptedLevelId!: string | null;
  acceptedPathwayId!: string | null;

  @Field({ description: 'Why the practitioner thinks it shows this.' })
  rationale!: string;

  @Field(() => MappingDecisionEnum, { nullable: true, description: 'The reviewer’s decision, once made.' })
  decision!: MappingDecision | null;

  @Field(() => String, { nullable: true, description: 'The reviewer’s comment on this mapping.' })
  decisionComment!: string | null;
}

@ObjectType({ description: 'A file attached to a version of evidence.' })
export class Attachment {
  @Field(() => ID, { description: 'Attachment id.' })
  id!: string;

  @Field({ description: 'File name as uploaded.' })
  fileName!: string;

  @Field({ description: 'Content type detected from the bytes.' })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number;

  @Field({ description: 'SHA-256 of the bytes, hex.' })
  sha256!: string;

  @Field({ description: 'When it was uploaded.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A reviewer’s decision on one exact version, with the standing it relied on.' })
export class EvidenceReview {
  @Field(() => ID, { description: 'Review id.' })
  id!: string;

  reviewerUserId!: string;

  @Field(() => ReviewOutcomeEnum, { description: 'Approved or sent back.' })
  outcome!: ReviewOutcome;

  @Field({ description: 'The reviewer’s comment.' })
  comment!: string;

  @Field(() => AssessmentContextEnum, { description: 'The assessment it was decided for.' })
  assessmentContext!: AssessmentContext;

  @Field(() => GraphQLLocalDate, { description: 'The day the decision counts from (YYYY-MM-DD, UK).' })
  decidedOn!: string;

  @Field({ description: 'When it was recorded.' })
  decidedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The reviewer’s registration number on the day.' })
  reviewerRegistrationNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The PEPS qualification the decision relied on (placements only).',
  })
  reviewerQualification!: string | null;

  countersignerUserId!: string | null;
}

@ObjectType({ description: 'One version of a piece of evidence.', implements: () => [Node] })
export class EvidenceVersion {
  @Field(() => ID, { description: 'Version id (decisions are bound to it).' })
  id!: string;

  @Field(() => ID, { description: 'The piece of evidence this is a version of.' })
  evidenceId!: string;

  ownerUserId!: string;
  reviewerUserId!: string | null;

  @Field(() => Int, { description: 'Version number, from 1.' })
  versionNo!: number;

  @Field(() => Int, {
    description:
      'Counts edits to this version while a draft; pass it back to edit or decide, so nobody acts on a stale copy.',
  })
  revision!: number;

  @Field(() => EvidenceStatusEnum, { description: 'Sign-off status.' })
  status!: EvidenceStatus;

  @Field(() => EvidenceKindEnum, { description: 'Kind of evidence.' })
  kind!: EvidenceKind;

  @Field(() => CpdActivityTypeEnum, { nullable: true, description: 'Type of CPD (CPD activities only).' })
  cpdActivityType!: CpdActivityType | null;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => GraphQLLocalDate, { description: 'Date, or first day of a range (YYYY-MM-DD).' })
  dateFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of a range.' })
  dateTo!: string | null;

  @Field(() => Float, { nullable: true, description: 'Hours, where counted.' })
  hours!: number | null;

  @Field({ description: 'What it was and why it is relevant.' })
  description!: string;

  @Field({ description: 'What I learnt.' })
  learning!: string;

  @Field({ description: 'The impact on my practice and on the people I work with.' })
  impact!: string;

  @Field(() => PeerReflection, { nullable: true, description: 'Peer reflection, if recorded.' })
  peerReflection!: PeerReflection | null;

  @Field(() => [IdentifierWarning], {
    description: 'Likely identifiers of people who use services found in the text when it was saved.',
  })
  identifierWarnings!: IdentifierWarning[];

  @Field({ description: 'The practitioner confirmed the warnings identify nobody.' })
  identifiersConfirmed!: boolean;

  @Field(() => AssessmentContextEnum, { nullable: true, description: 'The assessment it was submitted for.' })
  assessmentContext!: AssessmentContext | null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted.' })
  submittedAt!: Date | null;

  @Field({ description: 'When this version was created.' })
  createdAt!: Date;

  @Field({ description: 'When this version last changed.' })
  updatedAt!: Date;
}

@ObjectType({
  description: 'A piece of portfolio evidence and the versions the caller may see.',
  implements: () => [Node],
})
export class Evidence {
  @Field(() => ID, { description: 'Evidence id.' })
  id!: string;

  ownerUserId!: string;

  /** The newest version the caller may see. */
  @Field(() => EvidenceVersion, { description: 'The newest version you may see.' })
  current!: EvidenceVersion;
}

export const EvidenceConnection = Connection(Evidence, 'Evidence');
export const EvidenceVersionConnection = Connection(EvidenceVersion, 'EvidenceVersion');
