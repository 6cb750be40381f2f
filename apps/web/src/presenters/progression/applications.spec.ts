import { applicationStatusTag, routeName, sentenceCase, stageNamer } from './applications.js';

describe('stageNamer and routeName', () => {
  const sut = stageNamer([
    { key: 'NQSW', name: 'Newly qualified social worker (ASYE)' },
    { key: 'SOCIAL_WORKER', name: 'Social worker' },
  ]);

  it('should name a route by the stages it joins', () => {
    expect(routeName({ fromStageKey: 'NQSW', toStageKey: 'SOCIAL_WORKER' }, sut)).toBe(
      'Newly qualified social worker (ASYE) to Social worker',
    );
  });

  it('should put a stage the pathway no longer has into words', () => {
    expect(sut('EXPERIENCED_SOCIAL_WORKER')).toBe('Experienced social worker');
  });
});

describe('sentenceCase', () => {
  it.each([
    ['TEAM_MANAGER', 'Team manager'],
    ['NQSW_TO_SOCIAL_WORKER', 'NQSW to social worker'],
    ['PSW', 'PSW'],
  ])('should write %j as %j', (key, expected) => {
    expect(sentenceCase(key)).toBe(expected);
  });
});

describe('applicationStatusTag', () => {
  it('should say an open application is waiting for a decision', () => {
    expect(applicationStatusTag('OPEN')).toEqual({
      text: 'Waiting for a decision',
      classes: 'govuk-tag--blue',
    });
    expect(applicationStatusTag('APPROVED').text).toBe('Approved');
  });
});
