import { decideApplication } from './decide-application.js';

describe('decideApplication', () => {
  const base = { status: 'OPEN', applicantUserId: 'nqsw', deciderUserId: 'psw', reasons: null } as const;

  it.each([
    ['APPROVE', null, 'APPROVED'],
    ['DEFER', 'Needs one more piece of service-user feedback.', 'DEFERRED'],
    ['DECLINE', 'Not enough advanced-level evidence yet.', 'DECLINED'],
  ] as const)('should move an open application on %s to %s', (decision, reasons, expected) => {
    expect(decideApplication({ ...base, decision, reasons })).toBe(expected);
  });

  it('should refuse deciding one’s own application', () => {
    expect(() => decideApplication({ ...base, deciderUserId: 'nqsw', decision: 'APPROVE' })).toThrow(
      expect.objectContaining({ code: 'SELF_DECISION' }),
    );
  });

  it.each(['APPROVED', 'DEFERRED', 'DECLINED', 'WITHDRAWN'] as const)(
    'should refuse deciding a %s application again',
    (status) => {
      expect(() => decideApplication({ ...base, status, decision: 'APPROVE' })).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      );
    },
  );

  it.each(['DEFER', 'DECLINE'] as const)('should require reasons to %s', (decision) => {
    expect(() => decideApplication({ ...base, decision, reasons: '  ' })).toThrow(
      expect.objectContaining({ code: 'REASONS_REQUIRED', field: 'input.reasons' }),
    );
  });
});
