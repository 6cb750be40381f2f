import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CONTRIBUTION_LINK_STATES,
  CONTRIBUTOR_ROLES,
  type ContributionLinkState,
  type ContributorRole,
  type Regulator,
} from '#app/domain';
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

@ObjectType({ description: 'A request for feedback on one version of your evidence, as you see it.' })
export class ContributionRequest {
  @Field(() => ID, { description: 'Request id.' })
  id!: string;

  @Field(() => ID, { description: 'The evidence asked about.' })
  evidenceId!: string;

  @Field(() => ID, { description: 'The exact version the contributor is asked about.' })
  evidenceVersionId!: string;

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

@ObjectType({
  description:
    'What a contributor is told from a link that works: no more than they need to give their feedback.',
})
export class ContributionInvitation {
  @Field({ description: 'The social worker’s first name.' })
  practitionerFirstName!: string;

  @Field({ description: 'The title of the evidence the feedback is about.' })
  evidenceTitle!: string;

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
