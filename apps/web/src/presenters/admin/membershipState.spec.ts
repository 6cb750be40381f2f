import { membershipState, relationshipState } from './membershipState.js';

describe('membershipState', () => {
  const sut = membershipState;
  const TODAY = '2026-12-03';

  it('should show an ordinary member as active, with nothing to say', () => {
    expect(sut({ active: true, endsOn: null }, TODAY, 90)).toMatchObject({
      label: 'Active',
      sentence: null,
      erasableFrom: null,
    });
  });

  it('should show an end set ahead as leaving, with the day their records are kept until', () => {
    expect(sut({ active: true, endsOn: '2026-12-31' }, TODAY, 90)).toEqual({
      label: 'Leaving',
      tagClass: 'govuk-tag--yellow',
      sentence:
        'Their membership ends on 31 December 2026. From then they keep only their own records; from 31 March 2027 the organisation may erase them.',
      erasableFrom: '2027-03-31',
    });
  });

  it.each([
    ['ending today, before the reminder scan closes it', true, TODAY],
    ['ended and closed', false, '2026-11-01'],
  ])('should show a membership %s as left', (_case, active, endsOn) => {
    const state = sut({ active, endsOn }, TODAY, 90);
    expect(state.label).toBe('Left');
    expect(state.sentence).toMatch(
      /They keep only their own records; from \d+ \w+ 2027 the organisation may erase them/,
    );
  });

  it('should say the records may be erased from the day the retention period is over (boundary: the day before, not yet)', () => {
    expect(sut({ active: false, endsOn: '2026-09-04' }, TODAY, 90).sentence).toBe(
      'Their membership ended on 4 September 2026. The leaver retention period is over: since 3 December 2026 their records may be erased.',
    );
    expect(sut({ active: false, endsOn: '2026-09-05' }, TODAY, 90).sentence).toMatch(
      /from 4 December 2026 the organisation may erase them/,
    );
  });
});

describe('relationshipState', () => {
  const sut = relationshipState;
  const TODAY = '2026-12-03';

  it.each([
    [{ startsOn: '2026-12-04', endsOn: null }, 'Not started', true],
    [{ startsOn: TODAY, endsOn: null }, 'Current', true],
    [{ startsOn: '2026-01-01', endsOn: TODAY }, 'Current', true],
    [{ startsOn: '2026-01-01', endsOn: '2026-12-02' }, 'Ended', false],
  ])('should read %j as %s', (relationship, label, canEnd) => {
    expect(sut(relationship, TODAY)).toMatchObject({ label, canEnd });
  });
});
