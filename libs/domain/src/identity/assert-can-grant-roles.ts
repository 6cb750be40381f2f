import { DomainError } from '../errors.js';
import type { AssessorCapacity, Role } from './roles.js';

/**
 * Which roles each role may hand out. An ORG_ADMIN runs the organisation's
 * accounts; a Principal Social Worker may appoint practice roles but not
 * administrators or other PSWs. Nobody else grants anything.
 */
const GRANTABLE_BY: Record<Role, readonly Role[]> = {
  ORG_ADMIN: [
    'PRACTITIONER',
    'PRACTICE_EDUCATOR',
    'ASSESSOR',
    'SUPERVISOR',
    'PRINCIPAL_SOCIAL_WORKER',
    'ORG_ADMIN',
  ],
  PRINCIPAL_SOCIAL_WORKER: ['PRACTITIONER', 'PRACTICE_EDUCATOR', 'ASSESSOR', 'SUPERVISOR'],
  PRACTITIONER: [],
  PRACTICE_EDUCATOR: [],
  ASSESSOR: [],
  SUPERVISOR: [],
};

export function grantableRoles(callerRoles: readonly Role[]): Set<Role> {
  return new Set(callerRoles.flatMap((r) => GRANTABLE_BY[r]));
}

/**
 * Throws ROLE_NOT_GRANTABLE unless the caller may grant every role in `changed`
 * (roles being added or removed: taking a role away needs the same authority).
 */
export function assertCanGrantRoles(
  callerRoles: readonly Role[],
  changed: readonly Role[],
  field = 'input.roles',
): void {
  const allowed = grantableRoles(callerRoles);
  const refused = changed.filter((r) => !allowed.has(r));
  if (refused.length > 0) {
    throw new DomainError('ROLE_NOT_GRANTABLE', `You may not grant or remove: ${refused.join(', ')}`, field, {
      refused,
    });
  }
}

/** The role an assessor must hold to act in a capacity. */
export const ROLE_FOR_CAPACITY: Record<AssessorCapacity, Role> = {
  PRACTICE_EDUCATOR: 'PRACTICE_EDUCATOR',
  ASYE_ASSESSOR: 'ASSESSOR',
  SUPERVISOR: 'SUPERVISOR',
};
