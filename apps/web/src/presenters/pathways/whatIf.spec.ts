import { whatIfRows } from './whatIf.js';

describe('whatIfRows', () => {
  it.each([
    [
      { eligibleUnderPublished: 1, eligibleUnderDraft: 3 },
      { gained: 2, lost: 0, change: '2 people more eligible' },
    ],
    [
      { eligibleUnderPublished: 2, eligibleUnderDraft: 1 },
      { gained: 0, lost: 1, change: '1 person fewer eligible' },
    ],
    [
      { eligibleUnderPublished: 4, eligibleUnderDraft: 4 },
      { gained: 0, lost: 0, change: 'No change' },
    ],
    [
      { eligibleUnderPublished: null, eligibleUnderDraft: 1 },
      { gained: 1, lost: 0, change: 'New route: 1 person eligible' },
    ],
  ])('should say how %o changes', (counts, expected) => {
    expect(whatIfRows([{ routeKey: 'R', ...counts }])[0]).toMatchObject(expected);
  });
});
