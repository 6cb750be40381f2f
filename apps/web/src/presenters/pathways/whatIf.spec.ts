import { namesInWords, whatIfRows } from './whatIf.js';

const person = (fullName: string) => ({ fullName });

describe('whatIfRows', () => {
  it.each([
    [
      { eligibleUnderPublished: 1, eligibleUnderDraft: 3 },
      [person('A'), person('B')],
      [],
      '2 people more eligible',
    ],
    [{ eligibleUnderPublished: 2, eligibleUnderDraft: 1 }, [], [person('C')], '1 person fewer eligible'],
    [{ eligibleUnderPublished: 4, eligibleUnderDraft: 4 }, [], [], 'No change'],
    [
      { eligibleUnderPublished: 1, eligibleUnderDraft: 1 },
      [person('D')],
      [person('E')],
      'As many eligible, not the same people',
    ],
    [
      { eligibleUnderPublished: null, eligibleUnderDraft: 1 },
      [person('F')],
      [],
      'New route: 1 person eligible',
    ],
  ])('should say how %o changes', (counts, gained, lost, change) => {
    const sut = whatIfRows([{ routeKey: 'R', ...counts, gained, lost }])[0]!;
    expect(sut).toMatchObject({ gained: gained.length, lost: lost.length, change });
  });

  it.each([
    [[], ''],
    [['Ana Able'], 'Ana Able'],
    [['Ana Able', 'Ben Bold'], 'Ana Able and Ben Bold'],
    [['Ana Able', 'Ben Bold', 'Cai Cole'], 'Ana Able, Ben Bold and Cai Cole'],
  ])('should name %o as "%s"', (names, words) => {
    expect(namesInWords(names.map(person))).toBe(words);
  });
});
