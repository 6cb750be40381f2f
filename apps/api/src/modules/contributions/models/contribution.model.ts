import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import {
  CONTRIBUTION_LINK_STATES,
  CONTRIBUTION_PURPOSES,
  CONTRIBUTOR_ROLES,
  type ContributionLinkState,
  type ContributionPurpose,
  type ContributorRole,
  type EvidenceStatus,
  type Regulator,
  type ReviewOutcome,
} from '#app/domain';
import { ReviewOutcomeEnum } from '../../portfolio/models/portfolio-enums.js';
import { RegulatorEnum } from '../../organisation/models/user.model.js';

export const ContributorRoleEnum = Object.fromEntries(CONTRIBUTOR_ROLES.map((r) => [r, r])) as {
  [K in ContributorRole]: K;
};
registerEnumType(ContributorRoleEnum, {
  name: 'ContributorRole',
  description:
    'Who gives feedback by one-time link: a person who uses services, a carer, another professional, or an off-site practice educator.',
});

export const ContributionLinkStateEnum = Object.fromEntries(CONTRIBUTION_LINK_STATES.map((s) => [s, s])) as {
  [K in ContributionLinkState]: K;
};
registerEnumType(ContributionLinkStateEnum, {
  name: 'ContributionLinkState',
  description: 'Where a one-time contribution link stands: pending, used, expired or revoked.',
});

export const ContributionPurposeEnum = Object.fromEntries(CONTRIBUTION_PURPOSES.map((p) => [p, p])) as {
  [K in ContributionPurpose]: K;
};

registerEnumType(ContributionPurposeEnum, {
  name: 'ContributionPurpose',
  description:
    'What a one-time link asks for: feedback on a version of evidence, or an off-site practice educator’s countersignature on the decision that approved it.',
});

@ObjectType({
  description:
    'A request for feedback, or for a countersignature, on one version of your evidence, as you see it.',
})
export class ContributionRequest {
  @Field(() => ID, { description: 'Request id.' })
  id!: string;

  @Field(() => ID, { description: 'The evidence asked about.' })
  evidenceId!: string;

  @Field(() => ID, { description: 'The exact version the contributor is asked about.' })
  evidenceVersionId!: string;

  @Field(() => ContributionPurposeEnum, { description: 'Feedback, or a countersignature.' })
  purpose!: ContributionPurpose;

  @Field({ description: 'Whom you asked.' })
  contributorName!: string;

  @Field(() => String, { nullable: true, description: 'Where the link was emailed; null when printed.' })
  contributorEmail!: string | null;

  @Field(() => ContributorRoleEnum, { description: 'The role you asked them in.' })
  contributorRole!: ContributorRole;

  @Field(() => ContributionLinkStateEnum, { description: 'Pending, used, expired or revoked.' })
  state!: ContributionLinkState;

  @Field({ description: 'When the link stops working.' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the feedback arrived.' })
  usedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When you revoked the request.' })
  revokedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The feedback evidence it made in your portfolio.' })
  resultingEvidenceId!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'For a countersignature given: true when they countersigned, false when they did not.',
  })
  countersigns!: boolean | null;

  @Field({ description: 'When you asked.' })
  createdAt!: Date;
}

@ObjectType({
  description: 'A request just made, with its link when it was not emailed (shown this once only).',
})
export class RequestedContribution {
  @Field(() => ContributionRequest, { description: 'The request.' })
  request!: ContributionRequest;

  @Field({ description: 'True when the link was emailed to the contributor.' })
  emailed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The one-time link to print or hand over; null when emailed. Never shown again.',
  })
  link!: string | null;

  @Field(() => String, { nullable: true, description: 'The link as a QR code (SVG); null when emailed.' })
  qrCodeSvg!: string | null;
}

@ObjectType({ description: 'One claimed mapping of the evidence, and what the reviewer decided on it.' })
export class MappingDecisionToCountersign {
  @Field({
    description: 'The framework item, by code and title (e.g. "PCF 6: Critical reflection and analysis").',
  })
  item!: string;

  @Field(() => String, { nullable: true, description: 'The level claimed, by name.' })
  levelClaimed!: string | null;

  @Field({ description: 'The reviewer’s decision on it, in words.' })
  decision!: string;

  @Field(() => String, { nullable: true, description: 'The level accepted, by name, when accepted.' })
  levelAccepted!: string | null;
}

@ObjectType({ description: 'The approved version and its decision, as a countersigner is shown them.' })
export class DecisionToCountersign {
  evidenceStatus!: EvidenceStatus;

  @Field({ description: 'What happened (the evidence’s description).' })
  description!: string;

  @Field({ description: 'What the social worker learned.' })
  learning!: string;

  @Field({ description: 'The difference it made.' })
  impact!: string;

  @Field(() => ReviewOutcomeEnum, { description: 'The decision.' })
  outcome!: ReviewOutcome;

  @Field({ description: 'Who decided, by name.' })
  reviewerName!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day it was decided (YYYY-MM-DD).' })
  decidedOn!: string;

  @Field({ description: 'The reviewer’s comment.' })
  comment!: string;

  @Field(() => [MappingDecisionToCountersign], { description: 'Each claimed mapping with its decision.' })
  mappings!: MappingDecisionToCountersign[];
}

@ObjectType({
  description:
    'What a contributor is told from a link that works: no more than they need to give their feedback.',
})
export class ContributionInvitation {
  @Field({ description: 'The social worker’s first name.' })
  practitionerFirstName!: string;

  @Field({ description: 'The title of the evidence the feedback is about.' })
  evidenceTitle!: string;

  @Field(() => ContributionPurposeEnum, { description: 'Feedback, or a countersignature.' })
  purpose!: ContributionPurpose;

  @Field(() => DecisionToCountersign, {
    nullable: true,
    description:
      'For a countersignature: the evidence and the decision to countersign, shown because the social worker asked this person to judge them. Null for feedback.',
  })
  decision!: DecisionToCountersign | null;

  @Field({ description: 'The name the social worker asked them by.' })
  contributorName!: string;

  @Field(() => ContributorRoleEnum, { description: 'The role they were asked in.' })
  contributorRole!: ContributorRole;

  @Field({ description: 'When the link stops working.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'A contribution received.' })
export class ContributionReceipt {
  @Field({ description: 'The social worker’s first name.' })
  practitionerFirstName!: string;

  @Field({ description: 'When it was received.' })
  receivedAt!: Date;
}

@ObjectType({
  description: 'Where contributed feedback came from: who the contributor said they were, and when.',
})
export class ContributionOrigin {
  @Field(() => ID, { description: 'The contribution request it answered.' })
  requestId!: string;

  @Field({ description: 'The contributor’s name, as they gave it.' })
  contributorName!: string;

  @Field(() => ContributorRoleEnum, { description: 'The role they gave.' })
  contributorRole!: ContributorRole;

  @Field({ description: 'How they know the practitioner, in their words.' })
  relationship!: string;

  @Field(() => RegulatorEnum, { nullable: true, description: 'An off-site practice educator’s regulator.' })
  regulator!: Regulator | null;

  @Field(() => String, {
    nullable: true,
    description: 'An off-site practice educator’s registration number (checked for form only).',
  })
  registrationNumber!: string | null;

  @Field({ description: 'When it was received.' })
  receivedAt!: Date;

  @Field(() => ID, { description: 'The version of evidence the feedback was asked about.' })
  aboutEvidenceVersionId!: string;
}

@ObjectType({
  description:
    'A second judgement on a decision, given by an off-site practice educator from a one-time link: who they said they were, and whether they countersigned.',
})
export class Countersignature {
  @Field(() => ID, { description: 'The contribution request it answered.' })
  requestId!: string;

  @Field({ description: 'The countersigner’s name, as they gave it.' })
  name!: string;

  @Field({ description: 'How they know the practitioner, in their words.' })
  relationship!: string;

  @Field(() => RegulatorEnum, { description: 'Their regulator.' })
  regulator!: Regulator;

  @Field({ description: 'Their registration number (checked for form only).' })
  registrationNumber!: string;

  @Field({ description: 'True when they countersigned the decision; false when they did not.' })
  countersigns!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Their comment: their reasons, when they did not countersign.',
  })
  comment!: string | null;

  @Field({ description: 'When it was given.' })
  givenAt!: Date;
}
