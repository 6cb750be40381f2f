import { TEMPLATE_PATHWAY_DESIGN, type PathwayDesign, type PathwayRoute } from '#app/domain';

/**
 * Four more routes on the template's ten stages, so that the synthetic organisations are evaluated
 * against 10 stages and 15 routes (the size issue 4 sets for `candidates` and `progressionReport`).
 * Thresholds are examples, like the template's.
 */
const EXTRA_ROUTES: PathwayRoute[] = [
  {
    key: 'SOCIAL_WORKER_TO_PRACTICE_EDUCATOR',
    fromStageKey: 'SOCIAL_WORKER',
    toStageKey: 'PRACTICE_EDUCATOR',
    mechanism: 'APPRAISAL',
    criteria: {
      type: 'ALL_OF',
      criteria: [
        { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
        { type: 'QUALIFICATION', qualificationType: 'PEPS_STAGE_1', currentOnEvaluationDate: true },
        {
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'SOCIAL_WORKER',
          domainCodes: ['PROFESSIONAL_LEADERSHIP'],
          minPiecesPerDomain: 1,
          withinMonths: 24,
        },
      ],
    },
  },
  {
    key: 'ADVANCED_PRACTITIONER_TO_CONSULTANT',
    fromStageKey: 'ADVANCED_PRACTITIONER',
    toStageKey: 'CONSULTANT_SOCIAL_WORKER',
    mechanism: 'PANEL',
    criteria: {
      type: 'ALL_OF',
      criteria: [
        { type: 'MIN_MONTHS_IN_STAGE', months: 24 },
        { type: 'QUALIFICATION', qualificationType: 'PQ_AWARD' },
        {
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'ADVANCED',
          domainCodes: 'ALL',
          minPiecesPerDomain: 2,
          withinMonths: 36,
        },
      ],
    },
  },
  {
    key: 'PRACTICE_EDUCATOR_TO_PRACTICE_SUPERVISOR',
    fromStageKey: 'PRACTICE_EDUCATOR',
    toStageKey: 'PRACTICE_SUPERVISOR',
    mechanism: 'APPRAISAL',
    criteria: {
      type: 'ALL_OF',
      criteria: [
        { type: 'MIN_MONTHS_IN_STAGE', months: 12 },
        { type: 'QUALIFICATION', qualificationType: 'PEPS_STAGE_2', currentOnEvaluationDate: true },
        {
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'ADVANCED',
          domainCodes: ['PROFESSIONAL_LEADERSHIP', 'CONTEXTS_AND_ORGANISATIONS'],
          minPiecesPerDomain: 1,
          withinMonths: 24,
        },
      ],
    },
  },
  {
    key: 'CONSULTANT_TO_TEAM_MANAGER',
    fromStageKey: 'CONSULTANT_SOCIAL_WORKER',
    toStageKey: 'TEAM_MANAGER',
    mechanism: 'RECRUITMENT',
    criteria: {
      type: 'ALL_OF',
      criteria: [
        { type: 'MIN_POST_QUALIFYING_MONTHS', months: 60 },
        { type: 'CPD_COMPLIANCE', registrationYears: 2 },
      ],
    },
  },
];

/** The template pathway with 15 routes, published in every synthetic organisation. */
export const SYNTHETIC_PATHWAY_DESIGN: PathwayDesign = {
  ...TEMPLATE_PATHWAY_DESIGN,
  routes: [...TEMPLATE_PATHWAY_DESIGN.routes, ...EXTRA_ROUTES],
};
