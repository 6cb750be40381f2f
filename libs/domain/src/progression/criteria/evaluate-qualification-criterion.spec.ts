import type { PractitionerQualificationFacts, QualificationCriterion } from '../progression.types.js';
import type { QualificationType } from '../../portfolio/portfolio.types.js';
import { context, facts } from '../progression.test-fixtures.js';
import { evaluateQualificationCriterion as sut } from './evaluate-qualification-criterion.js';

function held(
  type: QualificationType,
  overrides: Partial<PractitionerQualificationFacts> = {},
): PractitionerQualificationFacts {
  return { type, awardedOn: '2023-09-01', expiresOn: null, verified: true, ...overrides };
}

function run(criterion: QualificationCriterion, qualifications: PractitionerQualificationFacts[]) {
  return sut(criterion, context({ facts: facts({ qualifications }) }));
}

const asye: QualificationCriterion = { type: 'QUALIFICATION', qualificationType: 'ASYE_COMPLETED' };
const currentStage2: QualificationCriterion = {
  type: 'QUALIFICATION',
  qualificationType: 'PEPS_STAGE_2',
  currentOnEvaluationDate: true,
};

describe('evaluateQualificationCriterion', () => {
  it.each<[string, QualificationCriterion, PractitionerQualificationFacts[], boolean]>([
    ['a verified ASYE', asye, [held('ASYE_COMPLETED')], true],
    ['an unverified ASYE', asye, [held('ASYE_COMPLETED', { verified: false })], false],
    [
      'an ASYE awarded on the evaluation date',
      asye,
      [held('ASYE_COMPLETED', { awardedOn: '2025-06-30' })],
      true,
    ],
    ['an ASYE awarded the day after', asye, [held('ASYE_COMPLETED', { awardedOn: '2025-07-01' })], false],
    ['another qualification only', asye, [held('AMHP')], false],
    [
      'an expired ASYE when currency is not asked',
      asye,
      [held('ASYE_COMPLETED', { expiresOn: '2024-01-01' })],
      true,
    ],
    [
      'a Stage 2 educator for Stage 1',
      { ...asye, qualificationType: 'PEPS_STAGE_1' },
      [held('PEPS_STAGE_2')],
      true,
    ],
    ['a Stage 1 educator for Stage 2', currentStage2, [held('PEPS_STAGE_1')], false],
    [
      'Stage 2 expiring on the evaluation date',
      currentStage2,
      [held('PEPS_STAGE_2', { expiresOn: '2025-06-30' })],
      true,
    ],
    [
      'Stage 2 expired the day before',
      currentStage2,
      [held('PEPS_STAGE_2', { expiresOn: '2025-06-29' })],
      false,
    ],
    [
      'Stage 2 current on a fixed day',
      { ...currentStage2, currentOnEvaluationDate: undefined, currentOn: '2024-03-31' },
      [held('PEPS_STAGE_2', { expiresOn: '2024-03-31' })],
      true,
    ],
    [
      'Stage 2 awarded after a fixed day',
      { ...currentStage2, currentOnEvaluationDate: undefined, currentOn: '2023-03-31' },
      [held('PEPS_STAGE_2')],
      false,
    ],
    [
      'an expired and an unverified renewal',
      currentStage2,
      [held('PEPS_STAGE_2', { expiresOn: '2024-01-01' }), held('PEPS_STAGE_2', { verified: false })],
      false,
    ],
  ])('should judge %s', (_label, criterion, qualifications, met) => {
    const outcome = run(criterion, qualifications);

    expect(outcome.met).toBe(met);
    expect(outcome.progress).toEqual({ current: met ? 1 : 0, required: 1, unit: 'QUALIFICATIONS' });
  });

  it.each<[string, QualificationCriterion, string, string]>([
    ['an ASYE', asye, 'Holds a verified completed ASYE', 'Needs a verified completed ASYE'],
    [
      'a current Stage 2',
      currentStage2,
      'Holds a verified PEPS Stage 2 practice educator qualification, current on the evaluation date',
      'Needs a verified PEPS Stage 2 practice educator qualification, current on the evaluation date',
    ],
    [
      'an AMHP current on a day',
      { type: 'QUALIFICATION', qualificationType: 'AMHP', currentOn: '2026-03-31' },
      'Holds a verified AMHP (Approved Mental Health Professional) qualification, current on 31 March 2026',
      'Needs a verified AMHP (Approved Mental Health Professional) qualification, current on 31 March 2026',
    ],
  ])('should word %s', (_label, criterion, label, gap) => {
    expect(run(criterion, [])).toMatchObject({ label, gap });
  });

  describe('post-qualifying credits', () => {
    const credits: QualificationCriterion = {
      type: 'QUALIFICATION',
      qualificationType: 'PQ_CREDITS',
      minCredits: 60,
    };

    it.each<[string, PractitionerQualificationFacts[], number, string | null]>([
      ['none', [], 0, '60 more verified post-qualifying credits'],
      [
        '40 of 60',
        [held('PQ_CREDITS', { credits: 20 }), held('PQ_CREDITS', { credits: 20 })],
        40,
        '20 more verified post-qualifying credits',
      ],
      ['exactly 60', [held('PQ_CREDITS', { credits: 40 }), held('PQ_CREDITS', { credits: 20 })], 60, null],
      [
        'credits that are unverified or without a number',
        [
          held('PQ_CREDITS', { credits: 60, verified: false }),
          held('PQ_CREDITS', { credits: null }),
          held('PQ_CREDITS'),
        ],
        0,
        '60 more verified post-qualifying credits',
      ],
    ])('should add up %s', (_label, qualifications, current, gap) => {
      expect(run(credits, qualifications)).toMatchObject({
        label: 'At least 60 verified post-qualifying credits',
        met: gap === null,
        progress: { current, required: 60, unit: 'CREDITS' },
        gap,
      });
    });
  });
});
