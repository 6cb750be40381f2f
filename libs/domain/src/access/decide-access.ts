import type { AssessorCapacity, Role } from '../identity/roles.js';
import { ASSESSOR_CAPACITIES } from '../identity/roles.js';
import { isDateInRange } from '../calendar/is-date-in-range.js';
import type {
  AccessBasis,
  AccessDecision,
  AccessFacts,
  AccessPurpose,
  AccessRefusal,
  AccessRelationship,
  AccessScope,
} from './access.types.js';

interface PurposeRule {
  /** The subject may do this to their own records. */
  self: boolean;
  /** Roles that reach every member's records in the organisation for this purpose. */
  organisationRoles: readonly Role[];
  /** Capacities of a relationship in force that grant it; none means assignments never do. */
  capacities: readonly AssessorCapacity[];
  /** What an assignment shows of the portfolio. */
  assignmentScope: AccessScope;
  /** Leavers keep this purpose for their own records during the retention period. */
  leaverKeeps: boolean;
  /** Whoever made the decision the record attests (`deciderUserId`) may do this too. */
  decider: boolean;
}

const ANY_CAPACITY = ASSESSOR_CAPACITIES;
const PSW: readonly Role[] = ['PRINCIPAL_SOCIAL_WORKER'];

/**
 * Who may do what, purpose by purpose. Administrators run accounts, not practice: the role alone
 * reaches nobody's portfolio, CPD or supervision (only stage history, which they record, and subject
 * access requests, which they answer). Reviewers see only what was submitted to them.
 */
const RULES: Record<Exclude<AccessPurpose, 'RECORD_SUPERVISION'>, PurposeRule> = {
  READ_PORTFOLIO: rule({ self: true, organisationRoles: PSW, capacities: ANY_CAPACITY, leaverKeeps: true }),
  REVIEW: rule({ self: false, organisationRoles: [], capacities: ANY_CAPACITY }),
  READ_CPD_COMPLIANCE: rule({ self: true, organisationRoles: PSW, capacities: ANY_CAPACITY }),
  READ_SUPERVISION: rule({ self: true, organisationRoles: PSW, capacities: ANY_CAPACITY }),
  READ_PROGRESSION: rule({ self: true, organisationRoles: PSW, capacities: ANY_CAPACITY }),
  READ_STAGE_HISTORY: rule({
    self: true,
    organisationRoles: ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'],
    capacities: ANY_CAPACITY,
  }),
  PUT_FORWARD: rule({ self: false, organisationRoles: PSW, capacities: ['SUPERVISOR'] }),
  READ_CREDENTIALS: rule({ self: true, organisationRoles: PSW, capacities: [], leaverKeeps: true }),
  ISSUE_CREDENTIAL: rule({ self: true, organisationRoles: PSW, capacities: [] }),
  // Revoking undoes someone's decision: the PSW, or the person who made it, never the subject.
  REVOKE_CREDENTIAL: rule({ self: false, organisationRoles: PSW, capacities: [], decider: true }),
  EXPORT: rule({ self: true, organisationRoles: PSW, capacities: [], leaverKeeps: true }),
  SUBJECT_ACCESS: rule({ self: true, organisationRoles: ['ORG_ADMIN'], capacities: [], leaverKeeps: true }),
  // Qualifications (PEPS, ASYE completion, registration evidence) are kept by PSWs and administrators.
  READ_QUALIFICATIONS: rule({ self: true, organisationRoles: [...PSW, 'ORG_ADMIN'], capacities: [] }),
  RECORD_QUALIFICATION: rule({ self: true, organisationRoles: [...PSW, 'ORG_ADMIN'], capacities: [] }),
  // Drawing an ASYE into a moderation sample and reading it anonymised: the PSW, never for their own.
  MODERATE: rule({ self: false, organisationRoles: PSW, capacities: [] }),
  // Weighing a sign-off against a countersignature that disagreed: the PSW, never on their own evidence.
  RECONCILE_SIGN_OFF: rule({ self: false, organisationRoles: PSW, capacities: [] }),
  // A second opinion on an ASYE's final recommendation: someone who assesses ASYEs (the ASSESSOR
  // role, which the ASYE_ASSESSOR capacity needs) or a PSW, never on their own year. Being named
  // for the programme, and not being its assessor, is the ASYE's rule on top.
  GIVE_ASYE_SECOND_OPINION: rule({
    self: false,
    organisationRoles: [...PSW, 'ASSESSOR'],
    capacities: [],
  }),
};

function rule(
  r: Omit<PurposeRule, 'assignmentScope' | 'leaverKeeps' | 'decider'> & {
    leaverKeeps?: boolean;
    decider?: boolean;
  },
): PurposeRule {
  return { assignmentScope: 'SUBMITTED_TO_ACTOR', leaverKeeps: false, decider: false, ...r };
}

/**
 * The one access policy (issue "One access policy"): decides from explicit facts whether the actor
 * may act on the subject's records for a purpose, on a day. Deny by default; the caller has scoped
 * both people to the actor's organisation and turns a refusal into its error.
 */
export function decideAccess(facts: AccessFacts): AccessDecision {
  const { actor, subject, purpose } = facts;
  const isSelf = actor.userId === subject.userId;
  if (!isSelf && !subject.member) return refuse('NOT_IN_ORGANISATION');
  if (purpose === 'RECORD_SUPERVISION') return decideRecordSupervision(facts);

  const r = RULES[purpose];
  if (actor.leaver) {
    return isSelf && r.leaverKeeps ? grant('SELF', 'ALL', null) : refuse('LEAVER');
  }
  if (isSelf) return r.self ? grant('SELF', 'ALL', null) : refuse('SELF_DECISION');
  if (r.organisationRoles.some((role) => actor.roles.includes(role))) {
    return grant('ORGANISATION_ROLE', 'ALL', null);
  }
  if (r.decider && facts.deciderUserId != null && facts.deciderUserId === actor.userId) {
    return grant('DECIDER', 'ALL', null);
  }
  const found = assignment(facts.relationships, actor.userId, subject.userId, r.capacities, facts.on);
  return 'refusal' in found
    ? refuse(found.refusal)
    : grant('ASSIGNMENT', r.assignmentScope, found.relationship);
}

/**
 * Only the supervisor assigned (a SUPERVISOR relationship) to the supervisee on the session's date
 * records a session, or the supervisee naming that supervisor. No role records for others.
 */
function decideRecordSupervision(facts: AccessFacts): AccessDecision {
  const { actor, subject } = facts;
  if (actor.leaver) return refuse('LEAVER');
  const supervisorUserId = facts.supervisorUserId ?? actor.userId;
  if (supervisorUserId === subject.userId) return refuse('SELF_DECISION');
  const isSupervisor = actor.userId === supervisorUserId;
  if (!isSupervisor && actor.userId !== subject.userId) return refuse('NOT_A_PARTY');
  const found = assignment(facts.relationships, supervisorUserId, subject.userId, ['SUPERVISOR'], facts.on);
  if ('refusal' in found) return refuse(found.refusal);
  return grant(isSupervisor ? 'ASSIGNMENT' : 'SELF', 'ALL', found.relationship);
}

function assignment(
  relationships: readonly AccessRelationship[],
  assessorUserId: string,
  practitionerUserId: string,
  capacities: readonly AssessorCapacity[],
  on: string,
): { relationship: AccessRelationship } | { refusal: AccessRefusal } {
  const candidates = relationships.filter(
    (r) =>
      r.assessorUserId === assessorUserId &&
      r.practitionerUserId === practitionerUserId &&
      capacities.includes(r.capacity),
  );
  const inForce = candidates.find((r) => isDateInRange(on, r.startsOn, r.endsOn));
  if (inForce) return { relationship: inForce };
  return { refusal: candidates.length > 0 ? 'ASSIGNMENT_NOT_IN_FORCE' : 'NOT_ASSIGNED' };
}

function grant(
  basis: AccessBasis,
  scope: AccessScope,
  relationship: AccessRelationship | null,
): AccessDecision {
  return { allowed: true, basis, scope, relationship };
}

function refuse(refusal: AccessRefusal): AccessDecision {
  return { allowed: false, refusal };
}
