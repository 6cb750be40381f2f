import { DomainError } from '../errors.js';
import { isDateInRange } from '../calendar/is-date-in-range.js';
import { addMonths } from '../calendar/add-months.js';
import { DEFAULT_ASYE_POLICY, type AsyePolicy, type AsyeStartFacts } from './asye.types.js';

/**
 * Checks that an ASYE may start for an NQSW (reference §5.1 "Eligibility / timing"), in this order:
 * 1. they have no ASYE without a confirmed outcome (ASYE_ALREADY_OPEN);
 * 2. the assessor is someone else (ASSESSOR_IS_PRACTITIONER);
 * 3. they have qualified, on or before the start date (ASYE_NOT_QUALIFIED, `meta.reason`
 *    NO_QUALIFICATION or STARTS_BEFORE_QUALIFYING);
 * 4. they are registered with one of the policy's regulators on the start date (ASYE_NOT_QUALIFIED,
 *    NOT_REGISTERED);
 * 5. where the organisation sets one, they qualified no longer than `maxMonthsSinceQualifying`
 *    before the start (ASYE_NOT_QUALIFIED, QUALIFIED_TOO_LONG_AGO).
 */
export function assertCanStartAsye(facts: AsyeStartFacts, policy: AsyePolicy = DEFAULT_ASYE_POLICY): void {
  const { startDate, qualifiedOn, registration } = facts;
  if (facts.hasOpenProgramme) {
    throw new DomainError(
      'ASYE_ALREADY_OPEN',
      'This NQSW already has an ASYE in progress.',
      'input.practitionerId',
    );
  }
  if (facts.assessorUserId === facts.practitionerUserId) {
    throw new DomainError(
      'ASSESSOR_IS_PRACTITIONER',
      'An NQSW cannot assess their own ASYE.',
      'input.assessorId',
    );
  }
  if (qualifiedOn === null) {
    throw notQualified(
      'NO_QUALIFICATION',
      'No social work qualification is recorded for this NQSW.',
      'input.practitionerId',
    );
  }
  if (startDate < qualifiedOn) {
    throw notQualified(
      'STARTS_BEFORE_QUALIFYING',
      `The ASYE cannot start (${startDate}) before the NQSW qualified (${qualifiedOn}).`,
      'input.startDate',
    );
  }
  const registered =
    registration !== null &&
    registration.registeredFrom !== null &&
    policy.registrationRegulators.includes(registration.regulator) &&
    isDateInRange(startDate, registration.registeredFrom, registration.registeredUntil);
  if (!registered) {
    throw notQualified(
      'NOT_REGISTERED',
      `The NQSW must be registered (${policy.registrationRegulators.join(' or ')}) on the day the ASYE starts (${startDate}).`,
      'input.startDate',
    );
  }
  if (
    policy.maxMonthsSinceQualifying !== null &&
    startDate > addMonths(qualifiedOn, policy.maxMonthsSinceQualifying)
  ) {
    throw notQualified(
      'QUALIFIED_TOO_LONG_AGO',
      `This organisation starts the ASYE within ${policy.maxMonthsSinceQualifying} months of qualifying (qualified ${qualifiedOn}).`,
      'input.startDate',
    );
  }
}

function notQualified(reason: string, message: string, field: string): DomainError {
  return new DomainError('ASYE_NOT_QUALIFIED', message, field, { reason });
}
