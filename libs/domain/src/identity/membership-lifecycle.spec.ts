import fc from 'fast-check';
import { addDays } from '../calendar/add-days.js';
import { DomainError } from '../errors.js';
import {
  assertCanEndMembership,
  assertErasureAllowed,
  assertLeaverRetentionDays,
  type MembershipEndRequest,
} from './membership-lifecycle.js';

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, meta: error.meta };
    throw error;
  }
  return null;
};

describe('assertLeaverRetentionDays', () => {
  it.each([30, 90, 365, 3650])('should accept %i days', (days) => {
    expect(refusal(() => assertLeaverRetentionDays(days, 'input.days'))).toBeNull();
  });

  it.each([0, 1, 29, 3651, -90, 90.5, Number.NaN])('should refuse %p days, naming the field', (days) => {
    expect(refusal(() => assertLeaverRetentionDays(days, 'input.days'))).toMatchObject({
      code: 'RETENTION_OUT_OF_RANGE',
      field: 'input.days',
      meta: { min: 30, max: 3650 },
    });
  });
});

describe('assertCanEndMembership', () => {
  const today = '2026-12-02';
  const request = (over: Partial<MembershipEndRequest> = {}): MembershipEndRequest => ({
    endsOn: today,
    today,
    membership: { active: true, endsOn: null, leaverRetentionDays: 90 },
    isOwnMembership: false,
    isAdministrator: false,
    otherAdministratorsEndOn: [],
    ...over,
  });
  const codeOf = (over: Partial<MembershipEndRequest>) =>
    refusal(() => assertCanEndMembership(request(over)));

  it.each([
    ['today', {}],
    ['a year ahead', { endsOn: '2027-12-03' }],
    [
      'moving an end set in advance',
      { membership: { active: true, endsOn: '2026-12-20', leaverRetentionDays: 90 } },
    ],
    ['an administrator while another stays', { isAdministrator: true, otherAdministratorsEndOn: [null] }],
    [
      'an administrator while another stays past the date',
      { isAdministrator: true, endsOn: '2026-12-10', otherAdministratorsEndOn: ['2026-12-11'] },
    ],
  ])('should allow ending %s', (_name, over) => {
    expect(codeOf(over as Partial<MembershipEndRequest>)).toBeNull();
  });

  it.each([
    ['your own membership', { isOwnMembership: true }, 'SELF_END_NOT_ALLOWED', 'input.userId'],
    [
      'your own, even with other administrators',
      { isOwnMembership: true, isAdministrator: true, otherAdministratorsEndOn: [null, null] },
      'SELF_END_NOT_ALLOWED',
      'input.userId',
    ],
    ['a past date', { endsOn: '2026-12-01' }, 'END_DATE_OUT_OF_RANGE', 'input.endsOn'],
    ['more than a year ahead', { endsOn: '2027-12-04' }, 'END_DATE_OUT_OF_RANGE', 'input.endsOn'],
    [
      'a membership already closed',
      { membership: { active: false, endsOn: '2026-11-01', leaverRetentionDays: 90 } },
      'MEMBERSHIP_ALREADY_ENDED',
      'input.userId',
    ],
    [
      'a membership whose end date has come',
      { membership: { active: true, endsOn: today, leaverRetentionDays: 90 } },
      'MEMBERSHIP_ALREADY_ENDED',
      'input.userId',
    ],
    [
      'a membership closed without a date',
      { membership: { active: false, endsOn: null, leaverRetentionDays: 90 } },
      'MEMBERSHIP_ALREADY_ENDED',
      'input.userId',
    ],
    ['the only administrator', { isAdministrator: true }, 'LAST_ORG_ADMIN', 'input.userId'],
    [
      'an administrator when the others leave by then',
      { isAdministrator: true, endsOn: '2026-12-10', otherAdministratorsEndOn: ['2026-12-10', '2026-12-05'] },
      'LAST_ORG_ADMIN',
      'input.userId',
    ],
  ])('should refuse ending %s', (_name, over, code, field) => {
    expect(codeOf(over as Partial<MembershipEndRequest>)).toMatchObject({ code, field });
  });

  it('should accept exactly the days from today to a year ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 800 }), (offset) => {
        const result = codeOf({ endsOn: addDays(today, offset) });
        return offset >= 0 && offset <= 366 ? result === null : result?.code === 'END_DATE_OUT_OF_RANGE';
      }),
    );
  });
});

describe('assertErasureAllowed', () => {
  const left = { active: false, endsOn: '2026-12-02', leaverRetentionDays: 90 };

  it.each([
    [
      'a current member',
      { active: true, endsOn: null, leaverRetentionDays: 90 },
      null,
      '2026-12-02',
      'ERASURE_NOT_ALLOWED',
    ],
    [
      'a member leaving later',
      { active: true, endsOn: '2026-12-20', leaverRetentionDays: 90 },
      null,
      '2026-12-02',
      'ERASURE_NOT_ALLOWED',
    ],
    ['a leaver on their last day', left, null, '2027-03-01', 'RETENTION_NOT_ENDED'],
    ['a leaver on the day they left', left, null, '2026-12-02', 'RETENTION_NOT_ENDED'],
    ['a leaver under a legal hold', left, 'Tribunal claim', '2026-12-03', 'LEGAL_HOLD'],
    ['a leaver under a legal hold after the period', left, 'Tribunal claim', '2030-01-01', 'LEGAL_HOLD'],
  ])('should refuse erasing %s', (_name, membership, legalHoldReason, today, code) => {
    expect(refusal(() => assertErasureAllowed({ membership, legalHoldReason, today }))).toMatchObject({
      code,
      field: 'input.userId',
    });
  });

  it('should name the first day erasure is allowed', () => {
    expect(
      refusal(() => assertErasureAllowed({ membership: left, legalHoldReason: null, today: '2026-12-05' })),
    ).toMatchObject({ meta: { erasableFrom: '2027-03-02' } });
  });

  it.each([
    ['the day the retention period ends', left, '2027-03-02'],
    ['long after', left, '2031-01-01'],
    [
      'a membership closed without a date',
      { active: false, endsOn: null, leaverRetentionDays: 90 },
      '2026-12-02',
    ],
  ])('should allow erasing on %s', (_name, membership, today) => {
    expect(refusal(() => assertErasureAllowed({ membership, legalHoldReason: null, today }))).toBeNull();
  });

  it('should allow erasure exactly from the end date plus the retention period, hold aside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 3650 }), fc.integer({ min: -10, max: 4000 }), (days, offset) => {
        const membership = { active: false, endsOn: '2026-12-02', leaverRetentionDays: days };
        const today = addDays('2026-12-02', offset);
        const free = refusal(() => assertErasureAllowed({ membership, legalHoldReason: null, today }));
        const held = refusal(() => assertErasureAllowed({ membership, legalHoldReason: 'Inquiry', today }));
        return (
          (offset >= days ? free === null : free?.code === 'RETENTION_NOT_ENDED') &&
          held?.code === 'LEGAL_HOLD'
        );
      }),
    );
  });
});
