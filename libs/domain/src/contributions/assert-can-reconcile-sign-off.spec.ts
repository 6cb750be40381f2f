import { DomainError } from '../errors.js';
import { EVIDENCE_STATUSES } from '../portfolio/portfolio.types.js';
import {
  assertCanReconcileSignOff as sut,
  signOffAgreementOf,
  type SignOffFacts,
} from './assert-can-reconcile-sign-off.js';
import { SIGN_OFF_RECONCILIATION_OUTCOMES } from './contributions.types.js';

const PRACTITIONER = 'practitioner';
const REVIEWER = 'reviewer';
const PSW = 'psw';

const disputed = (overrides: Partial<SignOffFacts> = {}): SignOffFacts => ({
  practitionerUserId: PRACTITIONER,
  reviewerUserId: REVIEWER,
  versionStatus: 'APPROVED',
  countersignatures: [false],
  reconciliation: null,
  ...overrides,
});

const refusal = (act: () => unknown) => {
  try {
    act();
  } catch (e) {
    return { code: (e as DomainError).code, field: (e as DomainError).field };
  }
  throw new Error('expected a refusal');
};

describe('signOffAgreementOf', () => {
  it.each([
    [[], null, 'NOT_COUNTERSIGNED'],
    [[true], null, 'AGREED'],
    [[true, true], null, 'AGREED'],
    [[false], null, 'DISAGREED'],
    [[true, false], null, 'DISAGREED'],
    [[false], { outcome: 'UPHOLD' as const }, 'RECONCILED'],
    [[true, false], { outcome: 'OVERTURN' as const }, 'RECONCILED'],
  ])(
    'should call countersignatures %j with reconciliation %j %s',
    (countersignatures, reconciliation, expected) => {
      expect(signOffAgreementOf({ countersignatures, reconciliation })).toBe(expected);
    },
  );
});

describe('assertCanReconcileSignOff', () => {
  it('should let a third person uphold a disputed approval, which moves nothing', () => {
    expect(sut(disputed(), PSW, { outcome: 'UPHOLD', reason: 'The observation was sound.' })).toEqual({
      overturns: false,
    });
  });

  it('should let a third person overturn a disputed approval, sending the version back for changes', () => {
    expect(
      sut(disputed({ countersignatures: [true, false] }), PSW, {
        outcome: 'OVERTURN',
        reason: 'Agree with the PE.',
      }),
    ).toEqual({
      overturns: true,
    });
  });

  it.each([
    [[], 'NOT_COUNTERSIGNED'],
    [[true], 'AGREED'],
  ])('should refuse to reconcile a sign-off whose countersignatures are %j (%s)', (countersignatures) => {
    expect(
      refusal(() => sut(disputed({ countersignatures }), PSW, { outcome: 'UPHOLD', reason: 'x' })),
    ).toEqual({
      code: 'SIGN_OFF_NOT_DISPUTED',
      field: 'input.reviewId',
    });
  });

  it.each(SIGN_OFF_RECONCILIATION_OUTCOMES)(
    'should refuse a second reconciliation after one that chose %s',
    (outcome) => {
      expect(
        refusal(() =>
          sut(disputed({ reconciliation: { outcome } }), PSW, { outcome: 'UPHOLD', reason: 'again' }),
        ),
      ).toEqual({ code: 'SIGN_OFF_RECONCILED', field: 'input.reviewId' });
    },
  );

  it.each([PRACTITIONER, REVIEWER])('should refuse %s as the reconciler of their own judgement', (who) => {
    for (const outcome of SIGN_OFF_RECONCILIATION_OUTCOMES) {
      expect(refusal(() => sut(disputed(), who, { outcome, reason: 'mine' }))).toEqual({
        code: 'SELF_REVIEW',
        field: 'input.reviewId',
      });
    }
  });

  it.each([null, '', '   \n'])('should refuse a reconciliation without a reason (%j)', (reason) => {
    for (const outcome of SIGN_OFF_RECONCILIATION_OUTCOMES) {
      expect(refusal(() => sut(disputed(), PSW, { outcome, reason }))).toEqual({
        code: 'REASONS_REQUIRED',
        field: 'input.reason',
      });
    }
  });

  it('should check that it is disputed before who asks, and who asks before the reason', () => {
    expect(
      refusal(() => sut(disputed({ countersignatures: [true] }), REVIEWER, { outcome: 'UPHOLD', reason: '' }))
        .code,
    ).toBe('SIGN_OFF_NOT_DISPUTED');
    expect(refusal(() => sut(disputed(), REVIEWER, { outcome: 'UPHOLD', reason: '' })).code).toBe(
      'SELF_REVIEW',
    );
  });

  it.each(EVIDENCE_STATUSES.filter((s) => s !== 'APPROVED'))(
    'should move only an approved version: one that is %s is not moved by overturning',
    (versionStatus) => {
      expect(sut(disputed({ versionStatus }), PSW, { outcome: 'OVERTURN', reason: 'x' })).toEqual({
        overturns: false,
      });
    },
  );
});
