import type { MyCpdComplianceQuery } from '../data/generated/graphql.js';
import { deadlineSentence, presentCpdStanding } from './cpdStanding.js';

type CpdCompliance = MyCpdComplianceQuery['cpdCompliance'];

const SWE: CpdCompliance = {
  regulator: 'SOCIAL_WORK_ENGLAND',
  ruleSetDescription: 'At least two different pieces of CPD dated in the registration year.',
  periodStart: '2026-12-01',
  periodEnd: '2027-11-30',
  deadlineOn: '2027-11-30',
  daysLeft: 362,
  deadlinePassed: false,
  atRisk: false,
  exempt: false,
  met: false,
  requirements: [
    {
      code: 'DISTINCT_PIECES',
      current: 1,
      required: 2,
      unit: 'PIECES',
      met: false,
      missing: 'Record 1 more piece.',
    },
    {
      code: 'PIECES_WITH_PEER_REFLECTION',
      current: 1,
      required: 1,
      unit: 'PIECES',
      met: true,
      missing: null,
    },
  ],
};

describe('deadlineSentence', () => {
  it.each([
    [362, '362 days left, until 30 November 2027.'],
    [2, '2 days left, until 30 November 2027.'],
    [1, '1 day left: the deadline is tomorrow, 30 November 2027.'],
    [0, 'The deadline is today, 30 November 2027.'],
    [-1, 'The deadline passed 1 day ago, on 30 November 2027.'],
    [-12, 'The deadline passed 12 days ago, on 30 November 2027.'],
  ])('should say %i days in words', (daysLeft, expected) => {
    expect(deadlineSentence(daysLeft, '30 November 2027')).toBe(expected);
  });
});

describe('presentCpdStanding', () => {
  it('should give the year, the deadline and each requirement’s progress against the rule', () => {
    const sut = presentCpdStanding(SWE);
    expect(sut.headline).toBe(
      'You have not met Social Work England’s CPD requirements for this registration year yet.',
    );
    expect(sut.period).toBe('1 December 2026 to 30 November 2027');
    expect(sut.deadline).toBe('362 days left, until 30 November 2027.');
    expect(sut.requirements).toEqual([
      {
        name: 'Different pieces of CPD',
        progress: '1 of 2 pieces',
        met: false,
        missing: 'Record 1 more piece.',
      },
      { name: 'Pieces with a peer reflection', progress: '1 of 1 piece', met: true, missing: null },
    ]);
  });

  it('should show hours without trailing zeros and say when the requirements are met', () => {
    const sut = presentCpdStanding({
      ...SWE,
      regulator: 'SOCIAL_CARE_WALES',
      met: true,
      requirements: [
        { code: 'HOURS', current: 12.5, required: 15, unit: 'HOURS', met: false, missing: null },
      ],
    });
    expect(sut.headline).toBe(
      'You have met Social Care Wales’s CPD requirements for this registration year.',
    );
    expect(sut.requirements[0]!.progress).toBe('12.5 of 15 hours');
  });

  it('should tell someone who joined late that they owe no CPD this year', () => {
    expect(presentCpdStanding({ ...SWE, exempt: true, met: true, requirements: [] }).headline).toBe(
      'You joined too late in this registration year to owe Social Work England CPD for it.',
    );
  });
});
