import type { AssessorCapacity, Role } from '../identity/roles.js';

/** What the actor wants to do with another person's (or their own) records. */
export const ACCESS_PURPOSES = [
  'READ_PORTFOLIO',
  'REVIEW',
  'READ_CPD_COMPLIANCE',
  'READ_SUPERVISION',
  'RECORD_SUPERVISION',
  'READ_PROGRESSION',
  'READ_STAGE_HISTORY',
  'PUT_FORWARD',
  'READ_CREDENTIALS',
  'ISSUE_CREDENTIAL',
  'REVOKE_CREDENTIAL',
  'EXPORT',
  'SUBJECT_ACCESS',
  'READ_QUALIFICATIONS',
  'RECORD_QUALIFICATION',
  'MODERATE',
  'RECONCILE_SIGN_OFF',
  'GIVE_ASYE_SECOND_OPINION',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** An assessor relationship as the policy sees it: who reviews or supervises whom, in which capacity, when. */
export interface AccessRelationship {
  assessorUserId: string;
  practitionerUserId: string;
  capacity: AssessorCapacity;
  /** First day in force (YYYY-MM-DD). */
  startsOn: string;
  /** Last day in force, inclusive; null while open-ended. */
  endsOn: string | null;
}

/** Everything the policy needs, gathered by the caller; the policy itself reads nothing. */
export interface AccessFacts {
  purpose: AccessPurpose;
  /** The day access is asked for: today (London), or for RECORD_SUPERVISION the session's date. */
  on: string;
  actor: {
    userId: string;
    /** The actor's roles in the organisation the request is made in (none for a leaver). */
    roles: readonly Role[];
    /** The actor's membership has ended and they are within the leavers' retention period. */
    leaver: boolean;
  };
  subject: {
    userId: string;
    /** Whether the subject holds (or held) a membership of the actor's organisation. */
    member: boolean;
  };
  /** For RECORD_SUPERVISION: the supervisor the session names (the actor, or the supervisee naming them). */
  supervisorUserId?: string;
  /**
   * For REVOKE_CREDENTIAL: who made the decision the credential attests (the reviewer who signed
   * off, the panel member who decided, the person who verified the qualification), if anyone.
   */
  deciderUserId?: string | null;
  /** The subject's assessor relationships in the actor's organisation, any capacity, any dates. */
  relationships: readonly AccessRelationship[];
}

/**
 * Why access is granted: the person themself, an organisation-wide role, a dated assignment, or
 * having made the decision the record attests (DECIDER, for revoking a credential).
 */
export type AccessBasis = 'SELF' | 'ORGANISATION_ROLE' | 'ASSIGNMENT' | 'DECIDER';

/** What of the subject's portfolio the grant shows: everything, or what was submitted to the actor. */
export type AccessScope = 'ALL' | 'SUBMITTED_TO_ACTOR';

export type AccessRefusal =
  /** The subject is not a member of the actor's organisation. */
  | 'NOT_IN_ORGANISATION'
  /** The purpose is a decision about someone else (review, putting forward); the actor is the subject. */
  | 'SELF_DECISION'
  /** For RECORD_SUPERVISION: the actor is neither the supervisor nor the supervisee. */
  | 'NOT_A_PARTY'
  /** No assessor relationship of a capacity the purpose accepts, on any dates. */
  | 'NOT_ASSIGNED'
  /** Such a relationship exists, but is not in force on the day (ended, or not yet started). */
  | 'ASSIGNMENT_NOT_IN_FORCE'
  /** A leaver reaches only their own records, and only for the purposes leavers keep. */
  | 'LEAVER';

export type AccessDecision =
  | {
      allowed: true;
      basis: AccessBasis;
      scope: AccessScope;
      /** The relationship in force that granted it (ASSIGNMENT, and RECORD_SUPERVISION), else null. */
      relationship: AccessRelationship | null;
    }
  | { allowed: false; refusal: AccessRefusal };
