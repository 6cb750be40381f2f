import { DomainError } from '../errors.js';
import {
  EVIDENCE_ACTIONS,
  EVIDENCE_STATUSES,
  type EvidenceAction,
  type EvidenceStatus,
} from './portfolio.types.js';
import { transitionEvidence as sut } from './transition-evidence.js';

/** Every allowed transition. Every other status × action pair must be refused. */
const ALLOWED: ReadonlyArray<[EvidenceStatus, EvidenceAction, EvidenceStatus]> = [
  ['DRAFT', 'SUBMIT', 'SUBMITTED'],
  ['SUBMITTED', 'WITHDRAW', 'DRAFT'],
  ['SUBMITTED', 'APPROVE', 'APPROVED'],
  ['SUBMITTED', 'REQUEST_CHANGES', 'CHANGES_REQUESTED'],
  ['APPROVED', 'OVERTURN', 'CHANGES_REQUESTED'],
];

const REFUSED: ReadonlyArray<[EvidenceStatus, EvidenceAction]> = EVIDENCE_STATUSES.flatMap((status) =>
  EVIDENCE_ACTIONS.filter((action) => !ALLOWED.some(([from, act]) => from === status && act === action)).map(
    (action): [EvidenceStatus, EvidenceAction] => [status, action],
  ),
);

describe('transitionEvidence', () => {
  it('should have a case for every status × action pair', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(EVIDENCE_STATUSES.length * EVIDENCE_ACTIONS.length);
    expect(REFUSED).toHaveLength(15);
  });

  it.each(ALLOWED)('should move %s evidence on %s to %s', (status, action, expected) => {
    expect(sut(status, action)).toBe(expected);
  });

  it.each(REFUSED)('should refuse to move %s evidence on %s', (status, action) => {
    const act = () => sut(status, action);
    expect(act).toThrow(DomainError);
    expect(act).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        field: undefined,
        meta: { from: status, action },
      }),
    );
  });

  it('should say in plain words what was refused', () => {
    expect(() => sut('APPROVED', 'REQUEST_CHANGES')).toThrow(
      'Evidence that is APPROVED cannot be sent back for changes; only SUBMITTED evidence can.',
    );
  });
});
