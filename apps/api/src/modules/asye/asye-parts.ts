import type { AsyeProgrammeEntity } from '#app/persistence';
import { hasAnyRole, type Principal } from '../../auth/principal.js';

/** The roles that run every ASYE of the organisation. */
export const MANAGES = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

/** What someone may do with one ASYE, decided from their place in it and their roles. */
export type Part = 'NQSW' | 'ASSESSOR' | 'SECOND_ASSESSOR' | 'LINE_MANAGER' | 'MANAGER';

/** Every part: for commands whose domain rule decides who among them may act. */
export const ANY_PART: readonly Part[] = ['NQSW', 'ASSESSOR', 'SECOND_ASSESSOR', 'LINE_MANAGER', 'MANAGER'];

/** Every part the person has in this ASYE; none means they may not see it. */
export function partsOf(principal: Principal, programme: AsyeProgrammeEntity): Part[] {
  const parts: Part[] = [];
  if (programme.practitionerUserId === principal.userId) parts.push('NQSW');
  if (programme.assessorUserId === principal.userId) parts.push('ASSESSOR');
  if (programme.secondAssessorUserId === principal.userId) parts.push('SECOND_ASSESSOR');
  if (programme.lineManagerUserId === principal.userId) parts.push('LINE_MANAGER');
  if (hasAnyRole(principal, MANAGES)) parts.push('MANAGER');
  return parts;
}

export function describePart(part: Part): string {
  return {
    NQSW: 'NQSW',
    ASSESSOR: 'assessor',
    SECOND_ASSESSOR: 'second assessor',
    LINE_MANAGER: 'line manager',
    MANAGER: 'PSW or an administrator',
  }[part];
}
