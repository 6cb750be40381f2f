import type { StageHistoryEntry } from '../progression.types.js';
import { context, facts } from '../progression.test-fixtures.js';
import { evaluateMinMonthsInStageCriterion as sut } from './evaluate-min-months-in-stage-criterion.js';

const sw = (from: string, to: string | null = null): StageHistoryEntry => ({
  stageKey: 'SOCIAL_WORKER',
  from,
  to,
});

describe('evaluateMinMonthsInStageCriterion', () => {
  it.each<[string, StageHistoryEntry[], boolean, number, string | null]>([
    ['18 months in the stage', [sw('2023-12-15')], true, 18, null],
    ['exactly 12 months', [sw('2024-06-30')], true, 12, null],
    [
      'a day short of 12 months',
      [sw('2024-07-01')],
      false,
      11,
      '1 more month in the current stage (Social worker)',
    ],
    ['3 months', [sw('2025-03-30')], false, 3, '9 more months in the current stage (Social worker)'],
    [
      'two touching entries adding up to 12 months',
      [sw('2024-06-30', '2024-12-31'), sw('2025-01-01')],
      true,
      12,
      null,
    ],
    [
      'a spell that has ended',
      [sw('2020-01-01', '2024-12-31')],
      false,
      0,
      'Not currently in the stage Social worker',
    ],
    ['no stage history', [], false, 0, 'Not currently in the stage Social worker'],
  ])('should judge %s against 12 months', (_label, stageHistory, met, current, gap) => {
    const outcome = sut(
      { type: 'MIN_MONTHS_IN_STAGE', months: 12 },
      context({ facts: facts({ stageHistory }) }),
    );

    expect(outcome).toMatchObject({
      label: 'At least 12 months in the current stage (Social worker)',
      met,
      progress: { current, required: 12, unit: 'MONTHS' },
      gap,
    });
  });

  it('should count time in the route\u2019s starting stage, not in another stage held alongside', () => {
    const stageHistory = [sw('2020-01-01'), { stageKey: 'PRACTICE_EDUCATOR', from: '2025-05-01', to: null }];
    const outcome = sut(
      { type: 'MIN_MONTHS_IN_STAGE', months: 12 },
      context({ facts: facts({ stageHistory }), fromStageKey: 'PRACTICE_EDUCATOR' }),
    );

    expect(outcome).toMatchObject({ met: false, progress: { current: 1 } });
  });
});
