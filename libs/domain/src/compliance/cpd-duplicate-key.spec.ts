import fc from 'fast-check';
import { cpdDuplicateKey } from './cpd-duplicate-key.js';

/** The rule as written, with no shortcut for ASCII text. */
function referenceKey(piece: Parameters<typeof cpdDuplicateKey>[0]): string {
  const normalise = (value: string) =>
    value
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFKC')
      .replace(/\p{P}+/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
  const text = [piece.description, piece.learning, piece.impact].join(' ');
  return JSON.stringify([piece.date, normalise(piece.title), normalise(text)]);
}

const piece = (text: fc.Arbitrary<string>) =>
  fc.record({
    date: fc.constantFrom('2025-03-01', '2025-03-02'),
    title: text,
    description: text,
    learning: text,
    impact: text,
  });

describe('cpdDuplicateKey', () => {
  it('reads punctuation as space, ignores case and runs of white space', () => {
    const a = {
      date: '2025-03-01',
      title: 'Court skills:  day 1',
      description: 'A',
      learning: 'B',
      impact: 'C',
    };
    const b = {
      date: '2025-03-01',
      title: 'court SKILLS day 1 ',
      description: 'a.',
      learning: 'b',
      impact: 'c!',
    };
    expect(cpdDuplicateKey(a)).toBe(cpdDuplicateKey(b));
    expect(cpdDuplicateKey({ ...a, date: '2025-03-02' })).not.toBe(cpdDuplicateKey(a));
  });

  it('matches full-width letters, ligatures and non-breaking spaces to their plain forms', () => {
    const plain = { date: '2025-03-01', title: 'office hours', description: 'x', learning: 'y', impact: 'z' };
    const fancy = { ...plain, title: 'Ｏ\uFB03ce\u00A0hours' };
    expect(cpdDuplicateKey(fancy)).toBe(cpdDuplicateKey(plain));
  });

  it('gives the same key as the full Unicode normalisation for ASCII text', () => {
    fc.assert(
      fc.property(piece(fc.string({ unit: 'binary-ascii' })), (p) => {
        expect(cpdDuplicateKey(p)).toBe(referenceKey(p));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the same key as the full Unicode normalisation for any text', () => {
    fc.assert(
      fc.property(piece(fc.string({ unit: 'grapheme' })), (p) => {
        expect(cpdDuplicateKey(p)).toBe(referenceKey(p));
      }),
      { numRuns: 2_000 },
    );
  });
});
