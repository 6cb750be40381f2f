import type { CpdDuplicateFacts } from './compliance.types.js';
import { cpdDuplicateKey } from './cpd-duplicate-key.js';
import { findDuplicateCpd as sut } from './find-duplicate-cpd.js';

const ORIGINAL: CpdDuplicateFacts = {
  evidenceId: 'ev-1',
  title: 'Court skills: giving evidence',
  date: '2025-03-10',
  description: 'A one-day course.',
  learning: 'How to prepare a statement.',
  impact: 'My statements are clearer.',
};

describe('findDuplicateCpd', () => {
  it.each<[string, Partial<CpdDuplicateFacts>]>([
    ['an exact copy', {}],
    ['different letter case', { title: 'COURT SKILLS: GIVING EVIDENCE' }],
    [
      'extra and different white space',
      { title: '  Court   skills:\tgiving\nevidence ', learning: 'How to  prepare a statement.' },
    ],
    [
      'different punctuation',
      { title: 'Court skills - giving evidence!', impact: 'My statements are clearer' },
    ],
    [
      'full-width letters and a non-breaking space (NFKC)',
      { title: 'Ｃｏｕｒｔ\u00a0skills: giving evidence' },
    ],
    [
      'the same text split differently across fields',
      { description: 'A one-day course. How to prepare', learning: 'a statement.' },
    ],
  ])('should find %s a duplicate', (_label, overrides) => {
    expect(sut({ ...ORIGINAL, ...overrides, evidenceId: 'ev-new' }, [ORIGINAL])).toEqual(['ev-1']);
  });

  it.each<[string, Partial<CpdDuplicateFacts>]>([
    ['a different date', { date: '2025-03-11' }],
    ['a different title', { title: 'Court skills: cross-examination' }],
    ['a different description', { description: 'A two-day course.' }],
    ['a different impact', { impact: 'My statements are shorter.' }],
    ['words run together', { title: 'Courtskills: giving evidence' }],
  ])('should not find %s a duplicate', (_label, overrides) => {
    expect(sut({ ...ORIGINAL, ...overrides, evidenceId: 'ev-new' }, [ORIGINAL])).toEqual([]);
  });

  it('should never find a piece a duplicate of itself (editing)', () => {
    expect(sut(ORIGINAL, [ORIGINAL])).toEqual([]);
  });

  it('should return every earlier duplicate, in the order given', () => {
    const earlier = [
      { ...ORIGINAL, evidenceId: 'ev-3' },
      { ...ORIGINAL, evidenceId: 'ev-2', date: '2025-01-01' },
      { ...ORIGINAL, evidenceId: 'ev-1', title: 'court skills giving evidence' },
    ];
    expect(sut({ ...ORIGINAL, evidenceId: 'ev-new' }, earlier)).toEqual(['ev-3', 'ev-1']);
  });

  it('should key on the normalised fields only', () => {
    expect(cpdDuplicateKey({ ...ORIGINAL, title: ' COURT skills; giving evidence.' })).toBe(
      cpdDuplicateKey(ORIGINAL),
    );
  });
});
