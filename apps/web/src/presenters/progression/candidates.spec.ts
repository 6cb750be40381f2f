import { aboutThem, presentCandidate } from './candidates.js';

const practitioner = { id: 'u-1', fullName: 'Priya Practitioner' };

describe('presentCandidate', () => {
  it('should say an eligible candidate is eligible now and may be put forward', () => {
    const sut = presentCandidate({ closeness: 1, eligible: true, gaps: [], practitioner }, false);
    expect(sut).toEqual({
      practitionerUserId: 'u-1',
      name: 'Priya Practitioner',
      standing: 'Eligible now',
      eligible: true,
      gaps: [],
      canPutForward: true,
    });
  });

  it('should not offer to put forward someone with an application waiting', () => {
    expect(
      presentCandidate({ closeness: 1, eligible: true, gaps: [], practitioner }, true).canPutForward,
    ).toBe(false);
  });

  it('should give how close, rounded down, and each gap as a sentence about them', () => {
    const sut = presentCandidate(
      {
        closeness: 0.789,
        eligible: false,
        gaps: ['Needs a verified PEPS Stage 2', '2 more pieces of Advanced evidence. 1 more month in stage'],
        practitioner,
      },
      false,
    );
    expect(sut.standing).toBe('78% of the way');
    expect(sut.canPutForward).toBe(false);
    expect(sut.gaps).toEqual([
      'Needs a verified PEPS Stage 2.',
      'Needs 2 more pieces of Advanced evidence.',
      'Needs 1 more month in stage.',
    ]);
  });
});

describe('aboutThem', () => {
  it.each([
    ['You need a verified completed ASYE.', 'Needs a verified completed ASYE.'],
    ['You need to meet the CPD requirements.', 'Needs to meet the CPD requirements.'],
    ['You are not currently registered.', 'Is not currently registered.'],
    ['Approved evidence is missing.', 'Approved evidence is missing.'],
  ])('should turn %j into %j', (sentence, expected) => {
    expect(aboutThem(sentence)).toBe(expected);
  });
});
