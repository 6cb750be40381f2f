import { DomainError } from '../errors.js';
import { assertReviewerStanding as sut } from './assert-reviewer-standing.js';
import type {
  AssessmentContext,
  AssessorRelationshipFacts,
  QualificationFacts,
  QualificationType,
  RegistrationFacts,
  ReviewerFacts,
  ReviewerStandingInput,
} from './portfolio.types.js';

const DECIDED_ON = '2025-06-30';
const DAY_BEFORE = '2025-06-29';
const DAY_AFTER = '2025-07-01';
const PRACTITIONER = 'user-practitioner';
const REVIEWER = 'user-reviewer';
const COUNTERSIGNER = 'user-countersigner';

const registered: RegistrationFacts = {
  regulator: 'SOCIAL_WORK_ENGLAND',
  number: 'SW123456',
  registeredFrom: '2015-09-01',
  registeredUntil: null,
};

function qualification(
  type: QualificationType,
  overrides: Partial<QualificationFacts> = {},
): QualificationFacts {
  return { type, awardedOn: '2020-01-15', expiresOn: null, verified: true, ...overrides };
}

function person(userId: string, overrides: Partial<ReviewerFacts> = {}): ReviewerFacts {
  return { userId, registration: registered, qualifications: [], ...overrides };
}

function relationship(overrides: Partial<AssessorRelationshipFacts> = {}): AssessorRelationshipFacts {
  return {
    assessorUserId: REVIEWER,
    practitionerUserId: PRACTITIONER,
    capacity: 'PRACTICE_EDUCATOR',
    startsOn: '2025-01-01',
    endsOn: null,
    ...overrides,
  };
}

function input(
  context: AssessmentContext,
  overrides: Partial<ReviewerStandingInput> = {},
): ReviewerStandingInput {
  return {
    decidedOn: DECIDED_ON,
    context,
    reviewer: person(REVIEWER),
    countersigner: null,
    relationship: relationship(),
    ...overrides,
  };
}

const stage1 = person(REVIEWER, { qualifications: [qualification('PEPS_STAGE_1')] });
const stage2 = person(REVIEWER, { qualifications: [qualification('PEPS_STAGE_2')] });
const stage2Countersigner = person(COUNTERSIGNER, { qualifications: [qualification('PEPS_STAGE_2')] });
const unregistered = (p: ReviewerFacts): ReviewerFacts => ({ ...p, registration: null });

function expectMissing(act: () => unknown, missing: string[]): void {
  expect(act).toThrow(DomainError);
  expect(act).toThrow(
    expect.objectContaining({ code: 'REVIEWER_NOT_QUALIFIED', meta: expect.objectContaining({ missing }) }),
  );
}

describe('assertReviewerStanding', () => {
  describe('who may decide', () => {
    it.each<[string, Partial<ReviewerStandingInput>]>([
      [
        'the relationship started the day after the decision',
        { relationship: relationship({ startsOn: DAY_AFTER }) },
      ],
      [
        'the relationship ended the day before the decision',
        { relationship: relationship({ endsOn: DAY_BEFORE }) },
      ],
      [
        'the relationship belongs to another assessor',
        { relationship: relationship({ assessorUserId: 'user-x' }) },
      ],
    ])('should refuse with REVIEWER_NOT_ASSESSOR when %s', (_label, overrides) => {
      const act = () => sut(input('CPD', overrides));
      expect(act).toThrow(DomainError);
      expect(act).toThrow(expect.objectContaining({ code: 'REVIEWER_NOT_ASSESSOR' }));
    });

    it.each([
      ['starts on the decision date', { startsOn: DECIDED_ON }],
      ['ends on the decision date', { endsOn: DECIDED_ON }],
    ])('should accept a relationship that %s', (_label, overrides) => {
      expect(sut(input('CPD', { relationship: relationship(overrides) }))).toEqual({
        qualification: null,
        countersignerUserId: null,
      });
    });

    it('should refuse a reviewer deciding on their own evidence with SELF_REVIEW', () => {
      const self = person(PRACTITIONER, { qualifications: [qualification('PEPS_STAGE_2')] });
      const act = () =>
        sut(
          input('FINAL_PLACEMENT', {
            reviewer: self,
            relationship: relationship({ assessorUserId: PRACTITIONER }),
          }),
        );
      expect(act).toThrow(expect.objectContaining({ code: 'SELF_REVIEW' }));
    });

    it('should check the relationship before qualifications', () => {
      const act = () =>
        sut(
          input('FINAL_PLACEMENT', {
            reviewer: unregistered(person(REVIEWER)),
            relationship: relationship({ endsOn: DAY_BEFORE }),
          }),
        );
      expect(act).toThrow(expect.objectContaining({ code: 'REVIEWER_NOT_ASSESSOR' }));
    });
  });

  describe('by assessment context', () => {
    it.each<[string, AssessmentContext, ReviewerFacts, ReviewerFacts | null, object]>([
      [
        'a CPD decision by an unregistered reviewer',
        'CPD',
        unregistered(person(REVIEWER)),
        null,
        { qualification: null, countersignerUserId: null },
      ],
      [
        'an ASYE decision by a registered reviewer without PEPS',
        'ASYE',
        person(REVIEWER),
        null,
        { qualification: null, countersignerUserId: null },
      ],
      [
        'a first placement decision by a Stage 1 educator',
        'FIRST_PLACEMENT',
        stage1,
        null,
        { qualification: 'PEPS_STAGE_1', countersignerUserId: null },
      ],
      [
        'a first placement decision by a Stage 2 educator',
        'FIRST_PLACEMENT',
        stage2,
        null,
        { qualification: 'PEPS_STAGE_2', countersignerUserId: null },
      ],
      [
        'a final placement decision by a Stage 2 educator',
        'FINAL_PLACEMENT',
        stage2,
        null,
        { qualification: 'PEPS_STAGE_2', countersignerUserId: null },
      ],
      [
        'a final placement decision by a Stage 2 educator, ignoring an unneeded countersigner',
        'FINAL_PLACEMENT',
        stage2,
        stage2Countersigner,
        { qualification: 'PEPS_STAGE_2', countersignerUserId: null },
      ],
      [
        'a final placement decision by a Stage 1 educator with a Stage 2 countersigner',
        'FINAL_PLACEMENT',
        stage1,
        stage2Countersigner,
        { qualification: 'PEPS_STAGE_1', countersignerUserId: COUNTERSIGNER },
      ],
      [
        'a final placement decision by an educator holding both stages',
        'FINAL_PLACEMENT',
        person(REVIEWER, { qualifications: [qualification('PEPS_STAGE_1'), qualification('PEPS_STAGE_2')] }),
        null,
        { qualification: 'PEPS_STAGE_2', countersignerUserId: null },
      ],
    ])('should allow %s', (_label, context, reviewer, countersigner, expected) => {
      expect(sut(input(context, { reviewer, countersigner }))).toEqual(expected);
    });

    it.each<[string, AssessmentContext, ReviewerFacts, ReviewerFacts | null, string[]]>([
      [
        'an ASYE decision by an unregistered reviewer',
        'ASYE',
        unregistered(stage2),
        null,
        ['SOCIAL_WORK_REGISTRATION'],
      ],
      [
        'a first placement decision without PEPS',
        'FIRST_PLACEMENT',
        person(REVIEWER),
        null,
        ['PEPS_STAGE_1_OR_2'],
      ],
      [
        'a first placement decision by an unregistered Stage 1 educator',
        'FIRST_PLACEMENT',
        unregistered(stage1),
        null,
        ['SOCIAL_WORK_REGISTRATION'],
      ],
      [
        'a first placement decision by an unregistered reviewer without PEPS',
        'FIRST_PLACEMENT',
        unregistered(person(REVIEWER)),
        null,
        ['SOCIAL_WORK_REGISTRATION', 'PEPS_STAGE_1_OR_2'],
      ],
      [
        'a final placement decision by an unregistered Stage 2 educator',
        'FINAL_PLACEMENT',
        unregistered(stage2),
        null,
        ['SOCIAL_WORK_REGISTRATION'],
      ],
      [
        'a final placement decision without PEPS',
        'FINAL_PLACEMENT',
        person(REVIEWER),
        null,
        ['PEPS_STAGE_2'],
      ],
      [
        'a final placement decision without PEPS, even with a Stage 2 countersigner',
        'FINAL_PLACEMENT',
        person(REVIEWER),
        stage2Countersigner,
        ['PEPS_STAGE_2'],
      ],
      [
        'a final placement decision by a Stage 1 educator without a countersigner',
        'FINAL_PLACEMENT',
        stage1,
        null,
        ['PEPS_STAGE_2_COUNTERSIGNER'],
      ],
      [
        'a final placement decision countersigned by a Stage 1 educator',
        'FINAL_PLACEMENT',
        stage1,
        person(COUNTERSIGNER, { qualifications: [qualification('PEPS_STAGE_1')] }),
        ['PEPS_STAGE_2_COUNTERSIGNER'],
      ],
      [
        'a final placement decision countersigned by an unregistered Stage 2 educator',
        'FINAL_PLACEMENT',
        stage1,
        unregistered(stage2Countersigner),
        ['COUNTERSIGNER_REGISTRATION'],
      ],
      [
        'a final placement decision countersigned by an unregistered person without PEPS',
        'FINAL_PLACEMENT',
        stage1,
        unregistered(person(COUNTERSIGNER)),
        ['PEPS_STAGE_2_COUNTERSIGNER', 'COUNTERSIGNER_REGISTRATION'],
      ],
      [
        'a final placement decision countersigned by the reviewer',
        'FINAL_PLACEMENT',
        stage1,
        person(REVIEWER, { qualifications: [qualification('PEPS_STAGE_2')] }),
        ['INDEPENDENT_COUNTERSIGNER'],
      ],
      [
        'a final placement decision countersigned by the practitioner',
        'FINAL_PLACEMENT',
        stage1,
        person(PRACTITIONER, { qualifications: [qualification('PEPS_STAGE_2')] }),
        ['INDEPENDENT_COUNTERSIGNER'],
      ],
      [
        'a final placement decision by an unregistered Stage 1 educator without a countersigner',
        'FINAL_PLACEMENT',
        unregistered(stage1),
        null,
        ['SOCIAL_WORK_REGISTRATION', 'PEPS_STAGE_2_COUNTERSIGNER'],
      ],
    ])('should refuse %s, listing what is missing', (_label, context, reviewer, countersigner, missing) => {
      expectMissing(() => sut(input(context, { reviewer, countersigner })), missing);
    });

    it('should treat an absent countersigner like a null one', () => {
      const { countersigner: _omitted, ...withoutCountersigner } = input('FINAL_PLACEMENT', {
        reviewer: stage1,
      });
      expectMissing(() => sut(withoutCountersigner), ['PEPS_STAGE_2_COUNTERSIGNER']);
    });
  });

  describe('as at the decision date', () => {
    it.each<{ label: string; overrides: Partial<QualificationFacts>; counts: boolean }>([
      { label: 'awarded on the decision date', overrides: { awardedOn: DECIDED_ON }, counts: true },
      { label: 'awarded the day after the decision', overrides: { awardedOn: DAY_AFTER }, counts: false },
      { label: 'expiring on the decision date', overrides: { expiresOn: DECIDED_ON }, counts: true },
      { label: 'expiring the day before the decision', overrides: { expiresOn: DAY_BEFORE }, counts: false },
      { label: 'that never expires', overrides: { expiresOn: null }, counts: true },
      { label: 'not verified', overrides: { verified: false }, counts: false },
    ])('should decide whether a PEPS Stage 2 $label counts ($counts)', ({ overrides, counts }) => {
      const reviewer = person(REVIEWER, { qualifications: [qualification('PEPS_STAGE_2', overrides)] });
      const act = () => sut(input('FINAL_PLACEMENT', { reviewer }));
      if (counts) {
        expect(act()).toEqual({ qualification: 'PEPS_STAGE_2', countersignerUserId: null });
      } else {
        expectMissing(act, ['PEPS_STAGE_2']);
      }
    });

    it.each<{ label: string; overrides: Partial<RegistrationFacts>; counts: boolean }>([
      { label: 'starting on the decision date', overrides: { registeredFrom: DECIDED_ON }, counts: true },
      {
        label: 'starting the day after the decision',
        overrides: { registeredFrom: DAY_AFTER },
        counts: false,
      },
      { label: 'ending on the decision date', overrides: { registeredUntil: DECIDED_ON }, counts: true },
      {
        label: 'ending the day before the decision',
        overrides: { registeredUntil: DAY_BEFORE },
        counts: false,
      },
      { label: 'with no recorded start', overrides: { registeredFrom: null }, counts: true },
    ])('should decide whether a registration $label counts ($counts)', ({ overrides, counts }) => {
      const reviewer = person(REVIEWER, { registration: { ...registered, ...overrides } });
      const act = () => sut(input('ASYE', { reviewer }));
      if (counts) {
        expect(act).not.toThrow();
      } else {
        expectMissing(act, ['SOCIAL_WORK_REGISTRATION']);
      }
    });

    it('should not let a lapsed Stage 2 stand in for a current Stage 1 on a final placement', () => {
      const reviewer = person(REVIEWER, {
        qualifications: [
          qualification('PEPS_STAGE_2', { expiresOn: DAY_BEFORE }),
          qualification('PEPS_STAGE_1'),
        ],
      });
      expectMissing(() => sut(input('FINAL_PLACEMENT', { reviewer })), ['PEPS_STAGE_2_COUNTERSIGNER']);
    });

    it('should check the countersigner’s Stage 2 as at the decision date', () => {
      const countersigner = person(COUNTERSIGNER, {
        qualifications: [qualification('PEPS_STAGE_2', { awardedOn: DAY_AFTER })],
      });
      expectMissing(
        () => sut(input('FINAL_PLACEMENT', { reviewer: stage1, countersigner })),
        ['PEPS_STAGE_2_COUNTERSIGNER'],
      );
    });

    it('should ignore qualifications that are not PEPS for placements', () => {
      const reviewer = person(REVIEWER, {
        qualifications: [qualification('AMHP'), qualification('PQ_AWARD'), qualification('ASYE_COMPLETED')],
      });
      expectMissing(() => sut(input('FIRST_PLACEMENT', { reviewer })), ['PEPS_STAGE_1_OR_2']);
    });
  });

  it('should say in plain English what is missing', () => {
    const act = () => sut(input('FINAL_PLACEMENT', { reviewer: unregistered(stage1) }));
    expect(act).toThrow(
      'The reviewer cannot sign off a final placement decision on 2025-06-30. Missing: a social work registration ' +
        'current on 2025-06-30; a countersigner holding a verified PEPS Stage 2 qualification current on 2025-06-30.',
    );
    expect(act).toThrow(
      expect.objectContaining({
        meta: { missing: expect.any(Array), decidedOn: DECIDED_ON, context: 'FINAL_PLACEMENT' },
      }),
    );
  });
});
