import type { StageHistoryEntry } from '../progression.types.js';
import { context, facts } from '../progression.test-fixtures.js';
import { evaluateHoldsStageCriterion as sut } from './evaluate-holds-stage-criterion.js';

const pe = (from: string, to: string | null): StageHistoryEntry => ({
  stageKey: 'PRACTICE_EDUCATOR',
  from,
  to,
});

describe('evaluateHoldsStageCriterion', () => {
  it.each<[string, StageHistoryEntry[], boolean]>([
    ['an open entry', [pe('2024-01-01', null)], true],
    ['an entry ending on the evaluation date', [pe('2024-01-01', '2025-06-30')], true],
    ['an entry starting on the evaluation date', [pe('2025-06-30', null)], true],
    ['an entry that ended the day before', [pe('2024-01-01', '2025-06-29')], false],
    ['an entry starting the day after', [pe('2025-07-01', null)], false],
    ['no entry for the stage', [], false],
  ])('should judge %s', (_label, entries, met) => {
    const stageHistory = [{ stageKey: 'EXPERIENCED', from: '2020-01-01', to: null }, ...entries];
    const outcome = sut(
      { type: 'HOLDS_STAGE', stageKey: 'PRACTICE_EDUCATOR' },
      context({ facts: facts({ stageHistory }) }),
    );

    expect(outcome).toMatchObject({
      label: 'Holds the stage Practice educator',
      met,
      progress: { current: met ? 1 : 0, required: 1, unit: 'STAGES' },
      gap: met ? null : 'Needs to hold the stage Practice educator',
    });
  });
});
