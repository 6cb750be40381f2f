/**
 * Every rule the domain refuses is a DomainError with a stable code. The API maps
 * each code to a GraphQL error code in one table (apps/api/src/graphql/format-error.ts),
 * so adding a code here without mapping it there fails the type check.
 */
export const DOMAIN_ERROR_CODES = [
  // identity and access
  'INVALID_CREDENTIALS',
  'TOKEN_INVALID',
  'SESSION_EXPIRED',
  'NOT_A_MEMBER',
  'ROLE_REQUIRED',
  'ROLE_NOT_GRANTABLE',
  'RATE_LIMITED',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'REGULATOR_REQUIRED',
  'USER_NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
  'TEAM_NOT_FOUND',
  'TEAM_NAME_TAKEN',
  'LAST_ORG_ADMIN',
  'ASSESSOR_RELATIONSHIP_NOT_FOUND',
  'ASSESSOR_IS_PRACTITIONER',
  'ASSESSOR_LACKS_ROLE',
  'INVALID_DATE_RANGE',
  // reference frameworks
  'FRAMEWORK_NOT_FOUND',
  'FRAMEWORK_VERSION_RETIRED',
  'FRAMEWORK_ITEM_NOT_FOUND',
  'FRAMEWORK_LEVEL_NOT_FOUND',
  'FRAMEWORK_PATHWAY_NOT_FOUND',
  // portfolio
  'EVIDENCE_NOT_FOUND',
  'EVIDENCE_NOT_EDITABLE',
  'EVIDENCE_DATE_IN_FUTURE',
  'EVIDENCE_MAPPING_REQUIRED',
  'INVALID_TRANSITION',
  'NOT_OWNER',
  'NOT_ASSIGNED_REVIEWER',
  'SELF_REVIEW',
  'REVIEWER_NOT_ASSESSOR',
  'REVIEWER_NOT_QUALIFIED',
  'MAPPING_DECISION_MISSING',
  'STALE_VERSION',
  'ATTACHMENT_NOT_FOUND',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
  'DUPLICATE_MAPPING',
  'ACCESS_DENIED',
  'IDENTIFIERS_UNCONFIRMED',
  'ASSESSMENT_CONTEXT_MISMATCH',
  'CPD_ACTIVITY_TYPE_INVALID',
  // progression (pathways, criteria, eligibility, applications)
  'REASONS_REQUIRED',
  'STAGE_ALREADY_HELD',
  'PATHWAY_DRAFT_EXISTS',
  'PATHWAY_NOT_FOUND',
  'PATHWAY_VERSION_NOT_EDITABLE',
  'PATHWAY_EMPTY',
  'ROUTE_CREATES_CYCLE',
  'CRITERION_INVALID',
  'STAGE_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'NOT_ELIGIBLE',
  'APPLICATION_NOT_FOUND',
  'SELF_DECISION',
  'QUALIFICATION_NOT_FOUND',
  'APPLICATION_ALREADY_OPEN',
  'DUPLICATE_STAGE_KEY',
  'DUPLICATE_ROUTE_KEY',
  'DUPLICATE_ROUTE',
  // cpd compliance, ASYE, supervision
  'RULE_SET_OVERLAP',
  'NO_RULE_SET',
  'REGISTRATION_DATE_REQUIRED',
  'SUPERVISION_INVALID',
  'ASYE_NOT_FOUND',
  'ASYE_ALREADY_OPEN',
  'ASYE_NOT_QUALIFIED',
  'ASYE_PAUSE_OVERLAP',
  'ASYE_PAUSE_REASON_NOT_ALLOWED',
  'ASYE_REVIEW_POINT_UNKNOWN',
  'ASYE_REVIEW_POINT_RECORDED',
  'ASYE_REVIEW_POINT_OUT_OF_ORDER',
  'ASYE_RECOMMENDATION_NOT_READY',
  'ASYE_RECOMMENDATION_RECORDED',
  'ASYE_RECOMMENDATION_MISSING',
  'ASYE_OUTCOME_CONFIRMED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.email`). */
    readonly field?: string,
    readonly meta?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
