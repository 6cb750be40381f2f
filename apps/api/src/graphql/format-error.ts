import { ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, type DomainErrorCode } from '#app/domain';
import { InputValidationError } from './input-validation.error.js';
import { dayLiteralRefusal } from './day-input.js';

export type GqlErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED';

/** The one table that turns a domain refusal into what a client sees. */
export const GQL_CODE = {
  INVALID_CREDENTIALS: 'UNAUTHENTICATED',
  TOKEN_INVALID: 'UNAUTHENTICATED',
  SESSION_EXPIRED: 'UNAUTHENTICATED',
  NOT_A_MEMBER: 'FORBIDDEN',
  ROLE_REQUIRED: 'FORBIDDEN',
  ROLE_NOT_GRANTABLE: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  WEAK_PASSWORD: 'BAD_USER_INPUT',
  REGULATOR_REQUIRED: 'BAD_USER_INPUT',
  USER_NOT_FOUND: 'NOT_FOUND',
  ORGANISATION_NOT_FOUND: 'NOT_FOUND',
  TEAM_NOT_FOUND: 'NOT_FOUND',
  TEAM_NAME_TAKEN: 'CONFLICT',
  LAST_ORG_ADMIN: 'CONFLICT',
  ASSESSOR_RELATIONSHIP_NOT_FOUND: 'NOT_FOUND',
  ASSESSOR_IS_PRACTITIONER: 'BAD_USER_INPUT',
  ASSESSOR_LACKS_ROLE: 'BAD_USER_INPUT',
  INVALID_DATE_RANGE: 'BAD_USER_INPUT',
  FRAMEWORK_NOT_FOUND: 'NOT_FOUND',
  FRAMEWORK_VERSION_RETIRED: 'BAD_USER_INPUT',
  FRAMEWORK_ITEM_NOT_FOUND: 'BAD_USER_INPUT',
  FRAMEWORK_LEVEL_NOT_FOUND: 'BAD_USER_INPUT',
  FRAMEWORK_PATHWAY_NOT_FOUND: 'BAD_USER_INPUT',
  EVIDENCE_NOT_FOUND: 'NOT_FOUND',
  EVIDENCE_NOT_EDITABLE: 'CONFLICT',
  EVIDENCE_DATE_IN_FUTURE: 'BAD_USER_INPUT',
  EVIDENCE_MAPPING_REQUIRED: 'BAD_USER_INPUT',
  INVALID_TRANSITION: 'CONFLICT',
  NOT_OWNER: 'FORBIDDEN',
  NOT_ASSIGNED_REVIEWER: 'FORBIDDEN',
  SUPERVISOR_NOT_ASSIGNED: 'FORBIDDEN',
  SELF_REVIEW: 'FORBIDDEN',
  SIGN_OFF_NOT_DISPUTED: 'CONFLICT',
  SIGN_OFF_RECONCILED: 'CONFLICT',
  SIGN_OFF_NOT_FOUND: 'NOT_FOUND',
  REVIEWER_NOT_ASSESSOR: 'BAD_USER_INPUT',
  REVIEWER_NOT_QUALIFIED: 'FORBIDDEN',
  MAPPING_DECISION_MISSING: 'BAD_USER_INPUT',
  STALE_VERSION: 'CONFLICT',
  DUPLICATE_REVIEW: 'BAD_USER_INPUT',
  ATTACHMENT_NOT_FOUND: 'NOT_FOUND',
  ATTACHMENT_TOO_LARGE: 'BAD_USER_INPUT',
  ATTACHMENT_TYPE_NOT_ALLOWED: 'BAD_USER_INPUT',
  DUPLICATE_MAPPING: 'BAD_USER_INPUT',
  ACCESS_DENIED: 'FORBIDDEN',
  IDENTIFIERS_UNCONFIRMED: 'BAD_USER_INPUT',
  IDENTIFIERS_DETECTED: 'BAD_USER_INPUT',
  ASSESSMENT_CONTEXT_MISMATCH: 'BAD_USER_INPUT',
  CPD_ACTIVITY_TYPE_INVALID: 'BAD_USER_INPUT',
  // progression (pathways, criteria, eligibility, applications)
  REASONS_REQUIRED: 'BAD_USER_INPUT',
  STAGE_ALREADY_HELD: 'CONFLICT',
  PATHWAY_DRAFT_EXISTS: 'CONFLICT',
  PATHWAY_NOT_FOUND: 'NOT_FOUND',
  PATHWAY_NAME_TAKEN: 'CONFLICT',
  PATHWAY_VERSION_NOT_EDITABLE: 'CONFLICT',
  PATHWAY_EMPTY: 'BAD_USER_INPUT',
  ROUTE_CREATES_CYCLE: 'BAD_USER_INPUT',
  CRITERION_INVALID: 'BAD_USER_INPUT',
  STAGE_NOT_FOUND: 'BAD_USER_INPUT',
  ROUTE_NOT_FOUND: 'NOT_FOUND',
  NOT_ELIGIBLE: 'BAD_USER_INPUT',
  APPLICATION_NOT_FOUND: 'NOT_FOUND',
  SELF_DECISION: 'FORBIDDEN',
  QUALIFICATION_NOT_FOUND: 'NOT_FOUND',
  APPLICATION_ALREADY_OPEN: 'CONFLICT',
  DUPLICATE_STAGE_KEY: 'BAD_USER_INPUT',
  DUPLICATE_ROUTE_KEY: 'BAD_USER_INPUT',
  DUPLICATE_ROUTE: 'BAD_USER_INPUT',
  // cpd compliance, ASYE, supervision
  RULE_SET_OVERLAP: 'CONFLICT',
  NO_RULE_SET: 'NOT_FOUND',
  REGISTRATION_DATE_REQUIRED: 'BAD_USER_INPUT',
  SUPERVISION_INVALID: 'BAD_USER_INPUT',
  ASYE_NOT_FOUND: 'NOT_FOUND',
  MODERATION_PACK_NOT_FOUND: 'NOT_FOUND',
  MODERATION_SAMPLE_TOO_LARGE: 'BAD_USER_INPUT',
  ASYE_ALREADY_OPEN: 'CONFLICT',
  ASYE_NOT_QUALIFIED: 'BAD_USER_INPUT',
  ASYE_PAUSE_OVERLAP: 'CONFLICT',
  ASYE_PAUSE_REASON_NOT_ALLOWED: 'BAD_USER_INPUT',
  ASYE_REVIEW_POINT_UNKNOWN: 'BAD_USER_INPUT',
  ASYE_REVIEW_POINT_RECORDED: 'CONFLICT',
  ASYE_REVIEW_POINT_OUT_OF_ORDER: 'CONFLICT',
  ASYE_RECOMMENDATION_NOT_READY: 'CONFLICT',
  ASYE_RECOMMENDATION_RECORDED: 'CONFLICT',
  ASYE_RECOMMENDATION_MISSING: 'CONFLICT',
  ASYE_OUTCOME_CONFIRMED: 'CONFLICT',
  ASYE_SECOND_OPINION_REQUESTED: 'CONFLICT',
  ASYE_SECOND_OPINION_NOT_REQUESTED: 'CONFLICT',
  ASYE_SECOND_OPINION_RECORDED: 'CONFLICT',
  ASYE_SECOND_OPINION_MISSING: 'CONFLICT',
  ASYE_OUTCOME_REQUIRED: 'BAD_USER_INPUT',
  ASYE_OUTCOME_MISMATCH: 'BAD_USER_INPUT',
  ASYE_NOT_PAUSED: 'CONFLICT',
  SUPERVISION_NOT_FOUND: 'NOT_FOUND',
  SUPERVISION_REFLECTION_EXISTS: 'CONFLICT',
  CPD_DECLARATION_NOT_REQUIRED: 'BAD_USER_INPUT',
  // exports, verifiable credentials, framework exchange, subject access
  CREDENTIAL_SOURCE_NOT_FOUND: 'NOT_FOUND',
  CREDENTIAL_NOT_ISSUABLE: 'BAD_USER_INPUT',
  CREDENTIAL_NOT_FOUND: 'NOT_FOUND',
  CREDENTIAL_ALREADY_REVOKED: 'CONFLICT',
  CASE_DOCUMENT_INVALID: 'BAD_USER_INPUT',
  FRAMEWORK_VERSION_EXISTS: 'CONFLICT',
  FRAMEWORK_CODE_RESERVED: 'CONFLICT',
  FRAMEWORK_ALIGNMENT_TO_ITSELF: 'BAD_USER_INPUT',
  FRAMEWORK_ALIGNMENT_TYPE_UNKNOWN: 'BAD_USER_INPUT',
  FRAMEWORK_ALIGNMENT_SOURCE_REQUIRED: 'BAD_USER_INPUT',
  FRAMEWORK_ALIGNMENT_EXISTS: 'CONFLICT',
  FRAMEWORK_ALIGNMENT_NOT_FOUND: 'NOT_FOUND',
  FRAMEWORK_REMAP_SAME_VERSION: 'BAD_USER_INPUT',
  FRAMEWORK_REMAP_NO_LINKS: 'BAD_USER_INPUT',
  SUBJECT_ACCESS_EXPORT_NOT_FOUND: 'NOT_FOUND',
  SUBJECT_ACCESS_EXPORT_NOT_READY: 'CONFLICT',
  ERASURE_NOT_ALLOWED: 'CONFLICT',
  // membership: invitations, leavers, retention
  INVITATION_INVALID: 'BAD_USER_INPUT',
  INVITATION_EXPIRED: 'BAD_USER_INPUT',
  INVITATION_PENDING: 'CONFLICT',
  INVITATION_NEEDS_SIGN_IN: 'BAD_USER_INPUT',
  MEMBER_EXISTS: 'CONFLICT',
  MEMBERSHIP_NOT_FOUND: 'NOT_FOUND',
  MEMBERSHIP_ENDED: 'CONFLICT',
  MEMBERSHIP_ALREADY_ENDED: 'CONFLICT',
  LEAVER_ACCESS_ONLY: 'FORBIDDEN',
  REGISTRATION_NUMBER_TAKEN: 'CONFLICT',
  LEGAL_HOLD: 'CONFLICT',
  LEGAL_HOLD_NOT_PLACED: 'CONFLICT',
  RETENTION_NOT_ENDED: 'CONFLICT',
  RETENTION_OUT_OF_RANGE: 'BAD_USER_INPUT',
  END_DATE_OUT_OF_RANGE: 'BAD_USER_INPUT',
  SELF_END_NOT_ALLOWED: 'FORBIDDEN',
  CONTRIBUTION_LINK_INVALID: 'NOT_FOUND',
  CONTRIBUTION_REQUEST_NOT_FOUND: 'NOT_FOUND',
  CONTRIBUTION_REQUEST_CLOSED: 'CONFLICT',
  CONTRIBUTION_STATEMENT_INVALID: 'BAD_USER_INPUT',
  REGISTRATION_NUMBER_INVALID: 'BAD_USER_INPUT',
  COUNTERSIGNATURE_NOT_POSSIBLE: 'CONFLICT',
} as const satisfies Record<DomainErrorCode, GqlErrorCode>;

/** Errors GraphQL itself raises before any resolver runs: safe to pass through. */
const GRAPHQL_OWN_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const PG_UNIQUE_VIOLATION = '23505';
const PG_SERIALIZATION_FAILURE = '40001';

/**
 * Apollo's formatError: every error leaves with a stable `extensions.code`;
 * anything unexpected is logged (with the request id, without the query's
 * variables or the error's message) and masked as "An error occurred". No stack
 * trace ever leaves; in production none is logged either.
 * `logger` is asked for at each error, so the request's own logger (with its id) is used.
 */
export function createFormatError(logger: () => Logger, options: { frames: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      return {
        ...base,
        message: original.message,
        extensions: {
          code: GQL_CODE[original.code],
          domainCode: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.meta ? { details: original.meta } : {}),
        },
      };
    }
    // Refused in the resolver's pipe, or before execution (a plugin's refusal arrives wrapped), or a
    // day literal that is not one (day-input.ts).
    const invalid =
      original instanceof InputValidationError
        ? original
        : original instanceof GraphQLError && original.originalError instanceof InputValidationError
          ? original.originalError
          : dayLiteralRefusal(original);
    if (invalid) {
      return {
        ...base,
        message: invalid.message,
        extensions: { code: 'BAD_USER_INPUT', field: invalid.fields[0]?.field, fields: invalid.fields },
      };
    }
    if (original instanceof UnauthorizedException) {
      return { ...base, message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (original instanceof ForbiddenException) {
      return { ...base, message: 'You are not allowed to do this', extensions: { code: 'FORBIDDEN' } };
    }
    if (isDatabaseUnavailable(original)) {
      logger().warn(
        { error: describeSafely(original, options), path: formatted.path },
        'database unavailable',
      );
      return {
        ...base,
        message: 'The service is temporarily unavailable: try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    const pgCode = (original as { code?: unknown } | null)?.code;
    if (pgCode === PG_UNIQUE_VIOLATION || pgCode === PG_SERIALIZATION_FAILURE) {
      return {
        ...base,
        message: 'This conflicts with a change made at the same time',
        extensions: { code: 'CONFLICT' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_OWN_CODES.has(code) && !(original instanceof HttpException)) {
      return { ...base, extensions: { code } };
    }
    // Apollo's own refusals of the request itself (a persisted-query hash that does not match, say)
    // carry an HTTP 4xx status but no code.
    const httpStatus = (original as { extensions?: { http?: { status?: number } } } | null)?.extensions?.http
      ?.status;
    if (
      original instanceof GraphQLError &&
      !formatted.path &&
      httpStatus &&
      httpStatus >= 400 &&
      httpStatus < 500
    ) {
      return { ...base, extensions: { code: 'BAD_REQUEST' } };
    }
    logger().error(
      { error: describeSafely(original, options), path: formatted.path },
      'unexpected error in GraphQL operation',
    );
    return {
      message: 'An error occurred',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** Server shutting down or starting, connection lost or refused, too many connections, statement timeout. */
const PG_UNAVAILABLE = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '57014',
]);
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * The database cannot serve the request now: it is down or restarting, the connection broke, or no
 * pooled connection came free within the pool’s timeout. The client may retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (PG_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code))) return true;
  // TypeORM releases a transaction's query runner when its connection breaks; the next statement of
  // the transaction then fails with this (the server rolled the transaction back).
  if (error.name === 'QueryRunnerAlreadyReleasedError') return true;
  return /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/i.test(
    error.message,
  );
}

/**
 * What an unexpected error may put in the log: its type, its driver code when that is a short
 * code (PostgreSQL's SQLSTATE, a socket error) and, outside production, its stack frames.
 * Messages are left out, and so are the driver's `detail`, `where` and the query's parameters:
 * database errors quote the values they choked on, and those can be personal data.
 */
export function describeSafely(error: unknown, options: { frames: boolean }): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const described: Record<string, unknown> = {
    type: error.name,
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { code } : {}),
  };
  if (options.frames) {
    const frames = (error.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '));
    described.frames = frames.slice(0, 8).map((f) => f.trim());
  }
  return described;
}
