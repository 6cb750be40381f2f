import { DomainError } from '../errors.js';
import {
  isValidRegistrationNumber,
  normaliseRegistrationNumber,
} from '../identity/is-valid-registration-number.js';
import type { CheckedContributorStatement, ContributorStatement } from './contributions.types.js';
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
  let regulator = null;
  let registrationNumber = null;
  if (statement.role === 'PRACTICE_EDUCATOR') {
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
    regulator = statement.regulator;
    registrationNumber = number;
  }
  return {
    ...text,
    role: statement.role,
    regulator,
    registrationNumber,
    kind: feedbackKindFor(statement.role),
  };
}
