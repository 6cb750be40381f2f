import { DomainError } from '../errors.js';
import {
  isValidRegistrationNumber,
  normaliseRegistrationNumber,
} from '../identity/is-valid-registration-number.js';
import type {
  CheckedContributorStatement,
  CheckedCountersignature,
  ContributorStatement,
  CountersignatureStatement,
} from './contributions.types.js';
import { feedbackKindFor } from './feedback-kind-for.js';

const REQUIRED_TEXT = [
  ['name', 'Enter your name'],
  ['relationship', 'Say how you know the social worker'],
  ['feedback', 'Enter your feedback'],
] as const;

/**
 * A contributor's statement, checked: name, relationship and feedback given; an off-site practice
 * educator gives their regulator and a registration number of the right form; nobody else's
 * registration is kept. Refusals name the field (`input.<name>`).
 */
export function checkContributorStatement(statement: ContributorStatement): CheckedContributorStatement {
  const text = {
    name: statement.name.trim(),
    relationship: statement.relationship.trim(),
    feedback: statement.feedback.trim(),
  };
  for (const [field, message] of REQUIRED_TEXT) {
    if (text[field].length === 0)
      throw new DomainError('CONTRIBUTION_STATEMENT_INVALID', message, `input.${field}`);
  }
  const registration = statement.role === 'PRACTICE_EDUCATOR' ? checkRegistration(statement) : null;
  return {
    ...text,
    role: statement.role,
    regulator: registration?.regulator ?? null,
    registrationNumber: registration?.registrationNumber ?? null,
    kind: feedbackKindFor(statement.role),
  };
}

/**
 * An off-site practice educator's countersignature, checked: name, relationship and registration as
 * for their feedback; a comment is optional when they countersign and required when they do not,
 * because a refusal without reasons is no judgement anyone can act on.
 */
export function checkCountersignature(statement: CountersignatureStatement): CheckedCountersignature {
  const name = statement.name.trim();
  const relationship = statement.relationship.trim();
  const comment = statement.comment.trim();
  if (!name) throw new DomainError('CONTRIBUTION_STATEMENT_INVALID', 'Enter your name', 'input.name');
  if (!relationship) {
    throw new DomainError(
      'CONTRIBUTION_STATEMENT_INVALID',
      'Say how you know the social worker',
      'input.relationship',
    );
  }
  const registration = checkRegistration(statement);
  if (!statement.countersigns && !comment) {
    throw new DomainError(
      'CONTRIBUTION_STATEMENT_INVALID',
      'Say why you do not countersign the decision',
      'input.comment',
    );
  }
  return {
    name,
    role: 'PRACTICE_EDUCATOR',
    relationship,
    ...registration,
    countersigns: statement.countersigns,
    comment: comment || null,
  };
}

/** A practice educator's regulator and a registration number of that regulator's form, normalised. */
function checkRegistration(statement: Pick<ContributorStatement, 'regulator' | 'registrationNumber'>) {
  if (!statement.regulator) {
    throw new DomainError(
      'REGULATOR_REQUIRED',
      'Choose the regulator you are registered with',
      'input.regulator',
    );
  }
  const number = normaliseRegistrationNumber(statement.registrationNumber ?? '');
  if (!isValidRegistrationNumber(statement.regulator, number)) {
    throw new DomainError(
      'REGISTRATION_NUMBER_INVALID',
      statement.regulator === 'SOCIAL_WORK_ENGLAND'
        ? 'Enter your registration number as Social Work England shows it, like SW123456'
        : 'Enter your registration number: letters and digits only',
      'input.registrationNumber',
    );
  }
  return { regulator: statement.regulator, registrationNumber: number };
}
