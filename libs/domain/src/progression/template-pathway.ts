import type { Criterion, PathwayDesign, PathwayStage } from './progression.types.js';

/*
 * The template a PSW clones into a draft and edits: the generic ladder of reference §7.2, with routes
 * and criteria in the spirit of the council frameworks in §7.3 (Council X, Warwickshire, Cornwall,
 * Croydon, Wakefield). Every number below (months, pieces, shares, registration years, credits) is a
 * local starting point for the employer to change. None is a national rule: there is no national
 * minimum of years for any step (reference §7.2, §10 rule 8), and meeting the criteria only means the
 * practitioner may apply or be put forward (§10 rule 3).
 */

const LOCAL =
  'Grades and thresholds are this employer\u2019s local choices, not national rules; meeting them means ' +
  'the practitioner may apply or be put forward, never an automatic promotion.';

function stage(
  key: string,
  name: string,
  about: string,
  pcfLevelCode: string,
  pcfPathwayCode: string | null,
  typicalGrade: string,
): PathwayStage {
  return { key, name, description: `${about} ${LOCAL}`, pcfLevelCode, pcfPathwayCode, typicalGrade };
}

const allOf = (...criteria: Criterion[]): Criterion => ({ type: 'ALL_OF', criteria });

/** Service-user feedback approved at the given level, within two years (Council X, §7.3). */
const serviceUserFeedback = (minLevelCode: string, pieces: number): Criterion => ({
  type: 'APPROVED_EVIDENCE',
  minLevelCode,
  domainCodes: ['VALUES_AND_ETHICS'],
  minPiecesPerDomain: pieces,
  withinMonths: 24,
  kinds: ['SERVICE_USER_FEEDBACK'],
});

/** Approved evidence in every PCF domain at a level: the holistic "sufficiency" of §1.1, shown as counts. */
const evidenceAcrossAllDomains = (minLevelCode: string, withinMonths: number): Criterion => ({
  type: 'APPROVED_EVIDENCE',
  minLevelCode,
  domainCodes: 'ALL',
  minPiecesPerDomain: 1,
  withinMonths,
});

export const TEMPLATE_PATHWAY_DESIGN: PathwayDesign = {
  pcfVersion: '2018',
  stages: [
    stage(
      'STUDENT',
      'Student',
      'Social work student, trainee or degree apprentice, assessed on placements by a practice educator.',
      'ENTRY',
      null,
      'Trainee or apprentice grade',
    ),
    stage(
      'NQSW',
      'Newly qualified social worker (ASYE)',
      'Qualified and registered; in the Assessed and Supported Year in Employment.',
      'ASYE',
      null,
      'Level 1 (for example grade 9)',
    ),
    stage(
      'SOCIAL_WORKER',
      'Social worker',
      'Has passed the ASYE; handles work of increasing complexity with growing independence.',
      'SOCIAL_WORKER',
      null,
      'Level 2 (for example grade 10)',
    ),
    stage(
      'EXPERIENCED_SOCIAL_WORKER',
      'Experienced / senior social worker',
      'Works autonomously on complex, higher-risk work; chairs meetings and gives expert opinion.',
      'EXPERIENCED_SOCIAL_WORKER',
      null,
      'Level 3 (for example grade 11)',
    ),
    stage(
      'ADVANCED_PRACTITIONER',
      'Advanced practitioner',
      'Exemplary practice; leads and advises colleagues on highly complex work while still practising directly.',
      'ADVANCED',
      'PRACTITIONER',
      'Level 4 (for example grade 12)',
    ),
    stage(
      'CONSULTANT_SOCIAL_WORKER',
      'Consultant social worker',
      'A specialist who mentors and coaches colleagues, usually after a higher specialist award.',
      'ADVANCED',
      'PRACTITIONER',
      'Level 4 (for example grade 12)',
    ),
    stage(
      'PRACTICE_EDUCATOR',
      'Practice educator',
      'Supervises, teaches and assesses students and supports NQSWs; often held alongside a practice role.',
      'ADVANCED',
      'EDUCATOR',
      'Usually the practice grade plus an allowance',
    ),
    stage(
      'PRACTICE_SUPERVISOR',
      'Practice supervisor',
      'Supervises practitioners and assesses NQSWs against the Knowledge and Skills Statements.',
      'ADVANCED',
      'EDUCATOR',
      'Level 4 (for example grade 12)',
    ),
    stage(
      'TEAM_MANAGER',
      'Team manager',
      'First-line manager; posts are vacancy-led and filled by recruitment against a person specification.',
      'ADVANCED',
      'MANAGER',
      'Manager grade (for example grade 13)',
    ),
    stage(
      'PRINCIPAL_SOCIAL_WORKER',
      'Principal social worker',
      'Leads practice across the organisation at the strategic level of the PCF and keeps some direct practice; designated by the local authority.',
      'STRATEGIC',
      'PSW',
      'Senior manager grade',
    ),
  ],
  routes: [
    {
      // Newly qualified posts are recruited to; the placement portfolio stands for "qualified".
      key: 'STUDENT_TO_NQSW',
      fromStageKey: 'STUDENT',
      toStageKey: 'NQSW',
      mechanism: 'RECRUITMENT',
      criteria: allOf(evidenceAcrossAllDomains('END_LAST_PLACEMENT', 36)),
    },
    {
      // Council X and Croydon: automatic once the ASYE (and probation) is passed.
      key: 'NQSW_TO_SOCIAL_WORKER',
      fromStageKey: 'NQSW',
      toStageKey: 'SOCIAL_WORKER',
      mechanism: 'AUTOMATIC',
      criteria: allOf({ type: 'QUALIFICATION', qualificationType: 'ASYE_COMPLETED' }),
    },
    {
      // Council X: significant PQ experience, a reflective account against the PCF, service-user
      // feedback, to a career progression panel. Warwickshire's local figure is about two years.
      key: 'SOCIAL_WORKER_TO_EXPERIENCED',
      fromStageKey: 'SOCIAL_WORKER',
      toStageKey: 'EXPERIENCED_SOCIAL_WORKER',
      mechanism: 'PANEL',
      criteria: allOf(
        { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
        { type: 'MIN_MONTHS_IN_STAGE', months: 12 },
        evidenceAcrossAllDomains('EXPERIENCED_SOCIAL_WORKER', 24),
        serviceUserFeedback('SOCIAL_WORKER', 1),
        { type: 'CPD_COMPLIANCE', registrationYears: 1 },
      ),
    },
    {
      // Council X: substantial PQ experience, a reflective account at advanced level and service-user
      // feedback, to panel. Warwickshire: 18–24 months at Level 3 first.
      key: 'EXPERIENCED_TO_ADVANCED_PRACTITIONER',
      fromStageKey: 'EXPERIENCED_SOCIAL_WORKER',
      toStageKey: 'ADVANCED_PRACTITIONER',
      mechanism: 'PANEL',
      criteria: allOf(
        { type: 'MIN_POST_QUALIFYING_MONTHS', months: 36 },
        { type: 'MIN_MONTHS_IN_STAGE', months: 18 },
        evidenceAcrossAllDomains('ADVANCED', 24),
        serviceUserFeedback('EXPERIENCED_SOCIAL_WORKER', 2),
        { type: 'CPD_COMPLIANCE', registrationYears: 2 },
      ),
    },
    {
      // Cornwall: a higher specialist award plus practice evidence, to a threshold panel.
      key: 'EXPERIENCED_TO_CONSULTANT',
      fromStageKey: 'EXPERIENCED_SOCIAL_WORKER',
      toStageKey: 'CONSULTANT_SOCIAL_WORKER',
      mechanism: 'PANEL',
      criteria: allOf(
        { type: 'MIN_MONTHS_IN_STAGE', months: 18 },
        {
          type: 'ANY_OF',
          criteria: [
            { type: 'QUALIFICATION', qualificationType: 'PQ_AWARD' },
            { type: 'QUALIFICATION', qualificationType: 'PQ_CREDITS', minCredits: 60 },
          ],
        },
        {
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'ADVANCED',
          domainCodes: ['KNOWLEDGE', 'SKILLS_AND_INTERVENTIONS', 'PROFESSIONAL_LEADERSHIP'],
          minPiecesPerDomain: 2,
          withinMonths: 24,
        },
        serviceUserFeedback('EXPERIENCED_SOCIAL_WORKER', 2),
        { type: 'CPD_COMPLIANCE', registrationYears: 2 },
      ),
    },
    {
      // PEPS: a current practice educator qualification; evidence of supporting others' learning.
      key: 'EXPERIENCED_TO_PRACTICE_EDUCATOR',
      fromStageKey: 'EXPERIENCED_SOCIAL_WORKER',
      toStageKey: 'PRACTICE_EDUCATOR',
      mechanism: 'APPRAISAL',
      criteria: allOf(
        { type: 'QUALIFICATION', qualificationType: 'PEPS_STAGE_1', currentOnEvaluationDate: true },
        {
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'EXPERIENCED_SOCIAL_WORKER',
          domainCodes: ['PROFESSIONAL_LEADERSHIP'],
          minPiecesPerDomain: 2,
          withinMonths: 24,
        },
      ),
    },
    {
      // Practice supervisors assess NQSWs against the KSS of their service (reference §2).
      key: 'EXPERIENCED_TO_PRACTICE_SUPERVISOR',
      fromStageKey: 'EXPERIENCED_SOCIAL_WORKER',
      toStageKey: 'PRACTICE_SUPERVISOR',
      mechanism: 'APPRAISAL',
      criteria: allOf(
        { type: 'MIN_MONTHS_IN_STAGE', months: 12 },
        {
          type: 'ANY_OF',
          criteria: [
            {
              type: 'FRAMEWORK_COVERAGE',
              frameworkCode: 'KSS_CHILD_AND_FAMILY',
              version: '2018',
              minShare: 0.8,
            },
            { type: 'FRAMEWORK_COVERAGE', frameworkCode: 'KSS_ADULTS', version: '2015', minShare: 0.8 },
          ],
        },
        {
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'ADVANCED',
          domainCodes: ['PROFESSIONAL_LEADERSHIP'],
          minPiecesPerDomain: 2,
          withinMonths: 24,
        },
      ),
    },
    {
      // Council X, Wakefield: team manager posts are vacancy-led, by normal recruitment.
      key: 'ADVANCED_PRACTITIONER_TO_TEAM_MANAGER',
      fromStageKey: 'ADVANCED_PRACTITIONER',
      toStageKey: 'TEAM_MANAGER',
      mechanism: 'RECRUITMENT',
      criteria: allOf({ type: 'CPD_COMPLIANCE', registrationYears: 2 }),
    },
    {
      key: 'PRACTICE_SUPERVISOR_TO_TEAM_MANAGER',
      fromStageKey: 'PRACTICE_SUPERVISOR',
      toStageKey: 'TEAM_MANAGER',
      mechanism: 'RECRUITMENT',
      criteria: allOf({ type: 'CPD_COMPLIANCE', registrationYears: 2 }),
    },
    {
      // The PSW works at the strategic level of the PCF and keeps some direct practice (§7.4).
      key: 'TEAM_MANAGER_TO_PSW',
      fromStageKey: 'TEAM_MANAGER',
      toStageKey: 'PRINCIPAL_SOCIAL_WORKER',
      mechanism: 'RECRUITMENT',
      criteria: allOf(evidenceAcrossAllDomains('ADVANCED', 36), {
        type: 'CPD_COMPLIANCE',
        registrationYears: 3,
      }),
    },
    {
      key: 'CONSULTANT_TO_PSW',
      fromStageKey: 'CONSULTANT_SOCIAL_WORKER',
      toStageKey: 'PRINCIPAL_SOCIAL_WORKER',
      mechanism: 'RECRUITMENT',
      criteria: allOf(evidenceAcrossAllDomains('ADVANCED', 36), {
        type: 'CPD_COMPLIANCE',
        registrationYears: 3,
      }),
    },
  ],
};
