import type { Regulator } from '../identity/roles.js';
import type { EvidenceKind, EvidenceStatus } from '../portfolio/portfolio.types.js';

/**
 * Who a practitioner may ask for feedback by one-time link (issue #17): a person who uses services,
 * a carer, another professional, or an off-site practice educator.
 */
export const CONTRIBUTOR_ROLES = [
  'PERSON_WHO_USES_SERVICES',
  'CARER',
  'PROFESSIONAL',
  'PRACTICE_EDUCATOR',
] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/**
 * What a one-time link asks for: feedback on a version (it arrives as feedback evidence), or an
 * off-site practice educator's countersignature on the decision made on an approved version (it is
 * kept beside that review, as the second judgement on it).
 */
export const CONTRIBUTION_PURPOSES = ['FEEDBACK', 'COUNTERSIGNATURE'] as const;
export type ContributionPurpose = (typeof CONTRIBUTION_PURPOSES)[number];

/** Where a one-time contribution link stands, decided by `contributionLinkState`. */
export const CONTRIBUTION_LINK_STATES = ['PENDING', 'USED', 'EXPIRED', 'REVOKED'] as const;
export type ContributionLinkState = (typeof CONTRIBUTION_LINK_STATES)[number];

/** Days a contribution link works for, unless the organisation's configuration says otherwise. */
export const CONTRIBUTION_LINK_TTL_DAYS = 14;

/** What is recorded of a contribution request, as far as its link's state goes. */
export interface ContributionLinkFacts {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** The evidence a practitioner asks about, as far as who may ask goes. */
export interface ContributionTargetFacts {
  actorUserId: string;
  ownerUserId: string;
  /** The version asked about is the evidence's newest version (older ones are history). */
  isCurrentVersion: boolean;
  /** Where the version asked about stands: a countersignature is on a decision already made. */
  versionStatus: EvidenceStatus;
  purpose: ContributionPurpose;
  /** The role the practitioner asks the contributor in. */
  contributorRole: ContributorRole;
}

/** What a contributor says about themselves and the practitioner, with their feedback. */
export interface ContributorStatement {
  name: string;
  role: ContributorRole;
  /** How they know the practitioner, in their own words (e.g. "I was her off-site practice educator"). */
  relationship: string;
  feedback: string;
  /** An off-site practice educator's registration; ignored for the other roles. */
  regulator?: Regulator | null;
  registrationNumber?: string | null;
}

/** The statement as it is kept: trimmed, and a registration only where the role has one. */
export interface CheckedContributorStatement {
  name: string;
  role: ContributorRole;
  relationship: string;
  feedback: string;
  regulator: Regulator | null;
  registrationNumber: string | null;
  kind: Extract<EvidenceKind, 'SERVICE_USER_FEEDBACK' | 'PROFESSIONAL_FEEDBACK'>;
}

/** What an off-site practice educator says from a countersignature link. */
export interface CountersignatureStatement {
  name: string;
  relationship: string;
  regulator?: Regulator | null;
  registrationNumber?: string | null;
  /** True to countersign the decision; false to say they do not, with their reasons. */
  countersigns: boolean;
  comment: string;
}

/** The countersignature as it is kept: trimmed, with the registration normalised. */
export interface CheckedCountersignature {
  name: string;
  role: Extract<ContributorRole, 'PRACTICE_EDUCATOR'>;
  relationship: string;
  regulator: Regulator;
  registrationNumber: string;
  countersigns: boolean;
  /** Null when they countersign without a comment. */
  comment: string | null;
}

/** What reconciling a disputed sign-off decides: the approval stands, or it is overturned. */
export const SIGN_OFF_RECONCILIATION_OUTCOMES = ['UPHOLD', 'OVERTURN'] as const;
export type SignOffReconciliationOutcome = (typeof SIGN_OFF_RECONCILIATION_OUTCOMES)[number];

/** Where a sign-off and its countersignatures stand; see `signOffAgreementOf`. */
export const SIGN_OFF_AGREEMENTS = ['NOT_COUNTERSIGNED', 'AGREED', 'DISAGREED', 'RECONCILED'] as const;
export type SignOffAgreement = (typeof SIGN_OFF_AGREEMENTS)[number];
