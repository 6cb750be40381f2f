// How often each kind of person, piece of evidence and outcome occurs in the synthetic data.
import type { EvidenceKind } from '#app/domain';

export const STAGE_WEIGHTS = {
  STUDENT: 5,
  NQSW: 9,
  SOCIAL_WORKER: 32,
  EXPERIENCED_SOCIAL_WORKER: 26,
  ADVANCED_PRACTITIONER: 8,
  CONSULTANT_SOCIAL_WORKER: 3,
  PRACTICE_EDUCATOR: 7,
  PRACTICE_SUPERVISOR: 5,
  TEAM_MANAGER: 5,
} as const;
export type StageKey = keyof typeof STAGE_WEIGHTS;

/** Years qualified by stage: together they span 25 years. */
export const QUALIFIED_YEARS: Record<StageKey, [number, number] | null> = {
  STUDENT: null,
  NQSW: [0.15, 0.9],
  SOCIAL_WORKER: [1.2, 6],
  EXPERIENCED_SOCIAL_WORKER: [3, 15],
  ADVANCED_PRACTITIONER: [6, 22],
  CONSULTANT_SOCIAL_WORKER: [8, 24],
  PRACTICE_EDUCATOR: [5, 20],
  PRACTICE_SUPERVISOR: [6, 22],
  TEAM_MANAGER: [8, 25],
};

/** The stages each person passed through to reach their current one (alternatives by weight). */
export const LADDERS: Record<StageKey, { path: StageKey[]; weight: number }[]> = {
  STUDENT: [{ path: ['STUDENT'], weight: 1 }],
  NQSW: [{ path: ['NQSW'], weight: 1 }],
  SOCIAL_WORKER: [{ path: ['NQSW', 'SOCIAL_WORKER'], weight: 1 }],
  EXPERIENCED_SOCIAL_WORKER: [{ path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER'], weight: 1 }],
  ADVANCED_PRACTITIONER: [
    { path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER'], weight: 1 },
  ],
  CONSULTANT_SOCIAL_WORKER: [
    {
      path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'CONSULTANT_SOCIAL_WORKER'],
      weight: 7,
    },
    {
      path: [
        'NQSW',
        'SOCIAL_WORKER',
        'EXPERIENCED_SOCIAL_WORKER',
        'ADVANCED_PRACTITIONER',
        'CONSULTANT_SOCIAL_WORKER',
      ],
      weight: 3,
    },
  ],
  PRACTICE_EDUCATOR: [
    { path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'PRACTICE_EDUCATOR'], weight: 7 },
    { path: ['NQSW', 'SOCIAL_WORKER', 'PRACTICE_EDUCATOR'], weight: 3 },
  ],
  PRACTICE_SUPERVISOR: [
    { path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'PRACTICE_SUPERVISOR'], weight: 7 },
    {
      path: [
        'NQSW',
        'SOCIAL_WORKER',
        'EXPERIENCED_SOCIAL_WORKER',
        'PRACTICE_EDUCATOR',
        'PRACTICE_SUPERVISOR',
      ],
      weight: 3,
    },
  ],
  TEAM_MANAGER: [
    {
      path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER', 'TEAM_MANAGER'],
      weight: 1,
    },
    {
      path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'PRACTICE_SUPERVISOR', 'TEAM_MANAGER'],
      weight: 1,
    },
  ],
};

export const KIND_WEIGHTS: Record<EvidenceKind, number> = {
  CPD_ACTIVITY: 30,
  DIRECT_OBSERVATION: 15,
  CRITICAL_REFLECTION: 15,
  SUPERVISION_REFLECTION: 12,
  PROFESSIONAL_FEEDBACK: 8,
  SERVICE_USER_FEEDBACK: 8,
  WRITTEN_REPORT: 7,
  CERTIFICATE: 5,
};

export const CPD_TYPE_WEIGHTS = {
  TRAINING: 30,
  E_LEARNING: 25,
  READING_OR_RESEARCH: 12,
  PODCAST_OR_WEBINAR: 10,
  SHADOWING: 5,
  SUPERVISION: 4,
  FEEDBACK: 2,
  PROJECT_WORK: 4,
  TEACHING_OR_PRESENTING: 3,
  CONFERENCE: 4,
  ASYE_WORK: 0,
  OTHER: 1,
} as const;

/** Practice evidences some domains far more often than others. */
export const DOMAIN_WEIGHTS = {
  SKILLS_AND_INTERVENTIONS: 20,
  CRITICAL_REFLECTION_AND_ANALYSIS: 16,
  KNOWLEDGE: 14,
  VALUES_AND_ETHICS: 12,
  PROFESSIONALISM: 11,
  DIVERSITY_AND_EQUALITY: 8,
  RIGHTS_JUSTICE_ECONOMIC_WELLBEING: 7,
  CONTEXTS_AND_ORGANISATIONS: 7,
  PROFESSIONAL_LEADERSHIP: 5,
} as const;

export const MAPPING_COUNT_WEIGHTS = { '1': 25, '2': 35, '3': 25, '4': 15 } as const;
export const STATUS_WEIGHTS = { APPROVED: 80, SUBMITTED: 6, CHANGES_REQUESTED: 4, DRAFT: 10 } as const;

/** PCF 2018 levels, lowest first. */
export const PCF_LEVELS = [
  'ENTRY',
  'READINESS_FOR_DIRECT_PRACTICE',
  'END_FIRST_PLACEMENT',
  'END_LAST_PLACEMENT',
  'ASYE',
  'SOCIAL_WORKER',
  'EXPERIENCED_SOCIAL_WORKER',
  'ADVANCED',
  'STRATEGIC',
] as const;
