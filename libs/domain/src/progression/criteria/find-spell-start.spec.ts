import type { StageHistoryEntry } from '../progression.types.js';
import { findSpellStart as sut } from './find-spell-start.js';

const AS_OF = '2025-06-30';
const entry = (stageKey: string, from: string, to: string | null): StageHistoryEntry => ({
  stageKey,
  from,
  to,
});

describe('findSpellStart', () => {
  it.each<[string, StageHistoryEntry[], string | null]>([
    ['an open entry', [entry('SW', '2024-01-10', null)], '2024-01-10'],
    ['an entry ending on the evaluation date', [entry('SW', '2024-01-10', AS_OF)], '2024-01-10'],
    ['an entry that ended the day before', [entry('SW', '2024-01-10', '2025-06-29')], null],
    ['an entry starting after the evaluation date', [entry('SW', '2025-07-01', null)], null],
    ['an entry starting on the evaluation date', [entry('SW', AS_OF, null)], AS_OF],
    ['another stage only', [entry('EXP', '2024-01-10', null)], null],
    [
      'an earlier entry ending the day before the current one',
      [entry('SW', '2022-03-01', '2024-01-09'), entry('SW', '2024-01-10', null)],
      '2022-03-01',
    ],
    [
      'an earlier entry ending at the end of the month before',
      [entry('SW', '2022-03-01', '2023-12-31'), entry('SW', '2024-01-01', null)],
      '2022-03-01',
    ],
    [
      'an earlier entry overlapping the current one',
      [entry('SW', '2022-03-01', '2024-02-01'), entry('SW', '2024-01-10', null)],
      '2022-03-01',
    ],
    [
      'a chain of three touching entries, listed out of order',
      [
        entry('SW', '2024-01-10', null),
        entry('SW', '2020-01-01', '2021-12-31'),
        entry('SW', '2022-01-01', '2024-01-09'),
      ],
      '2020-01-01',
    ],
    [
      'an earlier entry with a gap of a day',
      [entry('SW', '2022-03-01', '2024-01-08'), entry('SW', '2024-01-10', null)],
      '2024-01-10',
    ],
    [
      'an earlier spell in the stage broken by another stage',
      [
        entry('SW', '2020-01-01', '2021-12-31'),
        entry('EXP', '2022-01-01', '2022-12-31'),
        entry('SW', '2023-01-01', null),
      ],
      '2023-01-01',
    ],
  ])('should find the start of the spell for %s', (_label, history, expected) => {
    expect(sut(history, 'SW', AS_OF)).toBe(expected);
  });
});
