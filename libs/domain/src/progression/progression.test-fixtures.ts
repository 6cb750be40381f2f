/*
 * Shared by the progression specs only (nothing exports it): a restatement of the PCF 2018 domains
 * and levels and of the child and family KSS, and builders for facts, designs and contexts.
 * The template spec checks the template against the seeded framework files themselves.
 */
import type { EvidenceKind } from '../portfolio/portfolio.types.js';
import type {
  ApprovedEvidenceFacts,
  Criterion,
  CriterionContext,
  PathwayDesign,
  PathwayRoute,
  PathwayStage,
  PractitionerFacts,
  ProgressionReference,
  ReferenceFramework,
} from './progression.types.js';

export const PCF_DOMAINS: ReadonlyArray<readonly [string, string]> = [
  ['PROFESSIONALISM', 'Professionalism'],
  ['VALUES_AND_ETHICS', 'Values and Ethics'],
  ['DIVERSITY_AND_EQUALITY', 'Diversity and Equality'],
  ['RIGHTS_JUSTICE_ECONOMIC_WELLBEING', 'Rights, Justice and Economic Wellbeing'],
  ['KNOWLEDGE', 'Knowledge'],
  ['CRITICAL_REFLECTION_AND_ANALYSIS', 'Critical Reflection and Analysis'],
  ['SKILLS_AND_INTERVENTIONS', 'Skills and Interventions'],
  ['CONTEXTS_AND_ORGANISATIONS', 'Contexts and Organisations'],
  ['PROFESSIONAL_LEADERSHIP', 'Professional Leadership'],
];

export const PCF_LEVELS: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'ENTRY', 'Point of entry to qualifying programmes'],
  [2, 'READINESS_FOR_DIRECT_PRACTICE', 'Readiness for direct practice'],
  [3, 'END_FIRST_PLACEMENT', 'End of first placement'],
  [4, 'END_LAST_PLACEMENT', 'End of last placement / end of qualifying programme'],
  [5, 'ASYE', 'Assessed and Supported Year in Employment (NQSW)'],
  [6, 'SOCIAL_WORKER', 'Social worker'],
  [7, 'EXPERIENCED_SOCIAL_WORKER', 'Experienced social worker'],
  [8, 'ADVANCED', 'Advanced level'],
  [9, 'STRATEGIC', 'Strategic level'],
];

const PATHWAYS: Record<string, string[]> = {
  ADVANCED: ['PRACTITIONER', 'EDUCATOR', 'MANAGER'],
  STRATEGIC: ['PSW', 'MANAGER', 'EDUCATOR'],
};

export const PCF_2018: ReferenceFramework = {
  code: 'PCF',
  version: '2018',
  name: 'Professional Capabilities Framework',
  items: [
    { code: 'PURPOSE', kind: 'SUPER_DOMAIN', title: 'Purpose' },
    ...PCF_DOMAINS.map(([code, title]) => ({ code, kind: 'DOMAIN', title })),
  ],
  levels: PCF_LEVELS.map(([ordinal, code, name]) => ({
    ordinal,
    code,
    name,
    pathways: (PATHWAYS[code] ?? []).map((p) => ({ code: p, name: p })),
  })),
};

export const KSS_CF_2018: ReferenceFramework = {
  code: 'KSS_CHILD_AND_FAMILY',
  version: '2018',
  name: 'Knowledge and Skills Statement for child and family practitioners',
  items: Array.from({ length: 10 }, (_, i) => ({
    code: String(i + 1),
    kind: 'STATEMENT',
    title: `Statement ${i + 1}`,
  })),
  levels: [],
};

export const REFERENCE: ProgressionReference = { frameworks: [PCF_2018, KSS_CF_2018] };

export const AS_OF = '2025-06-30';

export function stage(key: string, overrides: Partial<PathwayStage> = {}): PathwayStage {
  return {
    key,
    name: key.charAt(0) + key.slice(1).toLowerCase().replace(/_/g, ' '),
    description: '',
    pcfLevelCode: null,
    pcfPathwayCode: null,
    typicalGrade: null,
    ...overrides,
  };
}

export function route(key: string, from: string, to: string, criteria?: Criterion): PathwayRoute {
  return {
    key,
    fromStageKey: from,
    toStageKey: to,
    mechanism: 'PANEL',
    criteria: criteria ?? { type: 'ALL_OF', criteria: [{ type: 'MIN_POST_QUALIFYING_MONTHS', months: 12 }] },
  };
}

/** SOCIAL_WORKER → EXPERIENCED → ADVANCED, plus PRACTICE_EDUCATOR held alongside. */
export function design(overrides: Partial<PathwayDesign> = {}): PathwayDesign {
  return {
    pcfVersion: '2018',
    stages: [stage('SOCIAL_WORKER'), stage('EXPERIENCED'), stage('ADVANCED'), stage('PRACTICE_EDUCATOR')],
    routes: [
      route('SW_TO_EXP', 'SOCIAL_WORKER', 'EXPERIENCED'),
      route('EXP_TO_ADV', 'EXPERIENCED', 'ADVANCED'),
      route('EXP_TO_PE', 'EXPERIENCED', 'PRACTICE_EDUCATOR'),
    ],
    ...overrides,
  };
}

export function facts(overrides: Partial<PractitionerFacts> = {}): PractitionerFacts {
  return {
    dateQualified: '2022-06-30',
    stageHistory: [{ stageKey: 'SOCIAL_WORKER', from: '2023-07-01', to: null }],
    qualifications: [],
    approvedEvidence: [],
    cpdCompliance: [],
    ...overrides,
  };
}

let nextEvidence = 0;

/** Approved evidence with one accepted PCF 2018 mapping per domain given, at one level. */
export function evidence(
  domains: readonly string[],
  levelOrdinal: number,
  overrides: Partial<ApprovedEvidenceFacts> & { kind?: EvidenceKind } = {},
): ApprovedEvidenceFacts {
  nextEvidence += 1;
  return {
    evidenceId: `evidence-${nextEvidence}`,
    kind: 'CRITICAL_REFLECTION',
    date: '2025-01-15',
    mappings: domains.map((itemCode) => ({
      frameworkCode: 'PCF',
      frameworkVersion: '2018',
      itemCode,
      acceptedLevelOrdinal: levelOrdinal,
      acceptedLevelCode: null,
    })),
    ...overrides,
  };
}

export function context(overrides: Partial<CriterionContext> = {}): CriterionContext {
  return {
    asOf: AS_OF,
    facts: facts(),
    design: design(),
    reference: REFERENCE,
    pcf: PCF_2018,
    fromStageKey: 'SOCIAL_WORKER',
    ...overrides,
  };
}
