import { DomainError } from '../errors.js';
import type { EvidenceAction, EvidenceStatus } from './portfolio.types.js';

/** The sign-off state machine: from which status each action may be taken, and where it leads. */
const TRANSITIONS: Record<EvidenceAction, { from: EvidenceStatus; to: EvidenceStatus }> = {
  SUBMIT: { from: 'DRAFT', to: 'SUBMITTED' },
  // Only before a decision: once APPROVED or CHANGES_REQUESTED the version is history.
  WITHDRAW: { from: 'SUBMITTED', to: 'DRAFT' },
  APPROVE: { from: 'SUBMITTED', to: 'APPROVED' },
  REQUEST_CHANGES: { from: 'SUBMITTED', to: 'CHANGES_REQUESTED' },
  // A countersignature that disagreed, reconciled against the approval by a named person with a
  // reason (see assertCanReconcileSignOff): the work goes back to the practitioner, and the review,
  // the countersignature and the reconciliation all stay beside the version.
  OVERTURN: { from: 'APPROVED', to: 'CHANGES_REQUESTED' },
};

/**
 * The status a version of evidence moves to when `action` is taken on it.
 * Decided versions (APPROVED, CHANGES_REQUESTED) never move again, but for an approval overturned
 * when a disputed countersignature is reconciled: editing them makes a new version (see
 * `planEvidenceEdit`), which keeps the signed-off history immutable (reference §10 rule 9).
 */
export function transitionEvidence(current: EvidenceStatus, action: EvidenceAction): EvidenceStatus {
  const transition = TRANSITIONS[action];
  if (transition.from !== current) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Evidence that is ${current} cannot be ${describe(action)}; only ${transition.from} evidence can.`,
      undefined,
      { from: current, action },
    );
  }
  return transition.to;
}

function describe(action: EvidenceAction): string {
  switch (action) {
    case 'SUBMIT':
      return 'submitted';
    case 'WITHDRAW':
      return 'withdrawn';
    case 'APPROVE':
      return 'approved';
    case 'REQUEST_CHANGES':
      return 'sent back for changes';
    case 'OVERTURN':
      return 'overturned';
  }
}
