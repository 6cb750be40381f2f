import { eligibilityBreakdown, progressText } from './eligibilityBreakdown.js';

const leaf = (
  label: string,
  met: boolean,
  current: number,
  required: number,
  unit: string,
  gap: string | null = null,
) => ({
  type: 'LEAF',
  label,
  met,
  gap,
  progress: { current, required, unit },
  children: [],
});

describe('eligibilityBreakdown', () => {
  it('should leave out the route’s own "all of" and indent what an "any of" holds', () => {
    const sut = eligibilityBreakdown({
      type: 'ALL_OF',
      label: 'All of these',
      met: false,
      progress: { current: 1, required: 2, unit: 'CRITERIA' },
      children: [
        leaf('24 months since qualifying', true, 30, 24, 'MONTHS', null),
        {
          type: 'ANY_OF',
          label: 'One of these',
          met: false,
          gap: 'One of: a PQ award; or 60 credits',
          progress: { current: 0, required: 1, unit: 'CRITERIA' },
          children: [leaf('A PQ award', false, 0, 1, 'QUALIFICATIONS', 'Needs a PQ award')],
        },
      ],
    });
    expect(sut).toEqual([
      { depth: 0, label: '24 months since qualifying', met: true, progress: '24 of 24 months', gap: null },
      { depth: 0, label: 'One of these', met: false, progress: '', gap: 'One of: a PQ award; or 60 credits' },
      { depth: 1, label: 'A PQ award', met: false, progress: '', gap: 'Needs a PQ award' },
    ]);
  });

  it('should show a single criterion that is not a group as its own row', () => {
    expect(
      eligibilityBreakdown(leaf('A verified completed ASYE', true, 1, 1, 'QUALIFICATIONS', 'ignored')),
    ).toEqual([{ depth: 0, label: 'A verified completed ASYE', met: true, progress: '', gap: null }]);
  });
});

describe('progressText', () => {
  it.each([
    [{ current: 5, required: 9, unit: 'PIECES' }, '5 of 9 pieces'],
    [{ current: 12.5, required: 24, unit: 'MONTHS' }, '12.5 of 24 months'],
    [{ current: 1, required: 1, unit: 'MONTHS' }, '1 of 1 month'],
    [{ current: 0, required: 1, unit: 'QUALIFICATIONS' }, ''],
    [{ current: 3, required: 2, unit: 'REGISTRATION_YEARS' }, '2 of 2 registration years'],
  ])('should describe %j as %j', (progress, expected) => {
    expect(progressText(progress)).toBe(expected);
  });
});
