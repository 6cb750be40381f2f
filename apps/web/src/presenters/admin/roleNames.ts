import type { AssessorCapacity, Regulator, Role } from '../../data/generated/graphql.js';

/** Each role in plain English, with what the person holding it does (as the API describes it). */
export const ROLE_NAMES: Record<Role, { text: string; hint: string }> = {
  PRACTITIONER: { text: 'Practitioner', hint: 'A student or social worker building a portfolio' },
  ASSESSOR: { text: 'ASYE assessor', hint: 'Assesses newly qualified social workers in their ASYE' },
  PRACTICE_EDUCATOR: {
    text: 'Practice educator',
    hint: 'Supervises and assesses students on placement',
  },
  SUPERVISOR: { text: 'Supervisor', hint: 'Gives professional supervision' },
  PRINCIPAL_SOCIAL_WORKER: {
    text: 'Principal social worker (PSW)',
    hint: 'Leads practice and designs progression routes',
  },
  ORG_ADMIN: { text: 'Administrator', hint: 'Runs the organisation’s accounts, teams and relationships' },
};

/** The order roles are offered in: practice roles first, then those who run things. */
const ROLE_ORDER: Role[] = [
  'PRACTITIONER',
  'ASSESSOR',
  'PRACTICE_EDUCATOR',
  'SUPERVISOR',
  'PRINCIPAL_SOCIAL_WORKER',
  'ORG_ADMIN',
];

/** Administrators grant any role; a PSW practice roles only (the API refuses the rest). */
export function grantableRoles(callerRoles: readonly string[]): Role[] {
  if (callerRoles.includes('ORG_ADMIN')) return ROLE_ORDER;
  if (callerRoles.includes('PRINCIPAL_SOCIAL_WORKER'))
    return ROLE_ORDER.filter((r) => r !== 'ORG_ADMIN' && r !== 'PRINCIPAL_SOCIAL_WORKER');
  return [];
}

/** Roles ticked on a form: one checkbox posts a string, several an array; anything unknown is dropped. */
export function rolesFromForm(value: unknown): Role[] {
  const ticked = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  return ROLE_ORDER.filter((r) => ticked.includes(r));
}

/** "Practitioner, ASYE assessor". */
export function roleList(roles: readonly string[]): string {
  return ROLE_ORDER.filter((r) => roles.includes(r))
    .map((r) => ROLE_NAMES[r].text)
    .join(', ');
}

/** GOV.UK checkbox items for the roles this caller may grant, ticked as `checked`. */
export function roleCheckboxItems(
  callerRoles: readonly string[],
  checked: readonly string[],
): { value: Role; text: string; hint: { text: string }; checked: boolean }[] {
  return grantableRoles(callerRoles).map((r) => ({
    value: r,
    text: ROLE_NAMES[r].text,
    hint: { text: ROLE_NAMES[r].hint },
    checked: checked.includes(r),
  }));
}

export const CAPACITY_NAMES: Record<AssessorCapacity, string> = {
  ASYE_ASSESSOR: 'ASYE assessor',
  PRACTICE_EDUCATOR: 'Practice educator',
  SUPERVISOR: 'Supervisor',
};

/** The role someone must hold to act in a capacity (the API checks it too). */
export const ROLE_FOR_CAPACITY: Record<AssessorCapacity, Role> = {
  ASYE_ASSESSOR: 'ASSESSOR',
  PRACTICE_EDUCATOR: 'PRACTICE_EDUCATOR',
  SUPERVISOR: 'SUPERVISOR',
};

export function capacityFromForm(value: unknown): AssessorCapacity | undefined {
  return typeof value === 'string' && value in CAPACITY_NAMES ? (value as AssessorCapacity) : undefined;
}

/** The four UK social work regulators by name. */
export const REGULATOR_NAMES: Record<Regulator, string> = {
  SOCIAL_WORK_ENGLAND: 'Social Work England',
  SOCIAL_CARE_WALES: 'Social Care Wales',
  SSSC: 'Scottish Social Services Council (SSSC)',
  NISCC: 'Northern Ireland Social Care Council (NISCC)',
};
