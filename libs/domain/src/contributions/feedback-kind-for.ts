import type { CheckedContributorStatement, ContributorRole } from './contributions.types.js';

/**
 * Which ASYE feedback a contribution counts as (reference §5.1): people who use services and
 * their carers give SERVICE_USER_FEEDBACK, professionals and practice educators PROFESSIONAL_FEEDBACK.
 */
export function feedbackKindFor(role: ContributorRole): CheckedContributorStatement['kind'] {
  return role === 'PERSON_WHO_USES_SERVICES' || role === 'CARER'
    ? 'SERVICE_USER_FEEDBACK'
    : 'PROFESSIONAL_FEEDBACK';
}
