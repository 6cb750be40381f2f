import { DomainError } from '../errors.js';
import type { Role } from './roles.js';

/**
 * Only a Principal Social Worker or an administrator verifies a qualification, and never their own:
 * a verified PEPS stage lets its holder sign off students (reference §6, §10 rule 6).
 */
export function assertCanVerifyQualification(input: {
  verifierUserId: string;
  verifierRoles: readonly Role[];
  holderUserId: string;
}): void {
  if (
    !input.verifierRoles.includes('PRINCIPAL_SOCIAL_WORKER') &&
    !input.verifierRoles.includes('ORG_ADMIN')
  ) {
    throw new DomainError(
      'ROLE_REQUIRED',
      'Only a Principal Social Worker or an administrator verifies qualifications.',
    );
  }
  if (input.verifierUserId === input.holderUserId) {
    throw new DomainError(
      'SELF_REVIEW',
      'Someone else must verify your own qualification.',
      'input.qualificationId',
    );
  }
}
