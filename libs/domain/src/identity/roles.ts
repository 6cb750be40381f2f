/** Roles a person can hold within one organisation (a membership holds one or more). */
export const ROLES = [
  'PRACTITIONER',
  'PRACTICE_EDUCATOR',
  'ASSESSOR',
  'SUPERVISOR',
  'PRINCIPAL_SOCIAL_WORKER',
  'ORG_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** UK social work regulators (reference §0, §4). */
export const REGULATORS = ['SOCIAL_WORK_ENGLAND', 'SOCIAL_CARE_WALES', 'SSSC', 'NISCC'] as const;
export type Regulator = (typeof REGULATORS)[number];

/** In which capacity an assessor may review a practitioner's evidence. */
export const ASSESSOR_CAPACITIES = ['PRACTICE_EDUCATOR', 'ASYE_ASSESSOR', 'SUPERVISOR'] as const;
export type AssessorCapacity = (typeof ASSESSOR_CAPACITIES)[number];
