import { readQueueFilters, reviewQueueUrl } from './reviewQueueFilters.js';

describe('readQueueFilters', () => {
  it('should read every filter as typed, trimmed (the cursor is the page’s, not a filter)', () => {
    expect(
      readQueueFilters({
        practitioner: ' p-1 ',
        kind: 'CPD_ACTIVITY',
        item: 'KNOWLEDGE',
        minWaitingDays: '7',
        after: 'cursor',
      }),
    ).toEqual({
      filters: { practitioner: 'p-1', kind: 'CPD_ACTIVITY', item: 'KNOWLEDGE', minWaitingDays: '7' },
      minWaitingDays: 7,
      problems: [],
    });
  });

  it('should leave out what was not given, and ignore repeated parameters', () => {
    expect(readQueueFilters({ kind: ['A', 'B'] })).toEqual({
      filters: { practitioner: '', kind: '', item: '', minWaitingDays: '' },
      minWaitingDays: undefined,
      problems: [],
    });
  });

  it.each(['0', '3650'])('should take %s days', (days) => {
    expect(readQueueFilters({ minWaitingDays: days }).minWaitingDays).toBe(Number(days));
  });

  it.each(['a week', '-1', '2.5', '1e3', '3651'])('should refuse %p days, keeping it as typed', (days) => {
    expect(readQueueFilters({ minWaitingDays: days })).toMatchObject({
      filters: { minWaitingDays: days },
      minWaitingDays: undefined,
      problems: [{ field: 'minWaitingDays', text: 'Enter the days waiting as a whole number, like 7' }],
    });
  });
});

describe('reviewQueueUrl', () => {
  const none = { practitioner: '', kind: '', item: '', minWaitingDays: '' };

  it('should be the bare queue without filters', () => {
    expect(reviewQueueUrl(none)).toBe('/reviews');
  });

  it('should carry the filters given and the cursor of the next or the previous page', () => {
    const filters = { ...none, item: 'KNOWLEDGE', minWaitingDays: '3' };
    expect(reviewQueueUrl(filters, { after: 'abc=' })).toBe(
      '/reviews?item=KNOWLEDGE&minWaitingDays=3&after=abc%3D',
    );
    expect(reviewQueueUrl(filters, { before: 'xyz' })).toBe(
      '/reviews?item=KNOWLEDGE&minWaitingDays=3&before=xyz',
    );
  });
});
