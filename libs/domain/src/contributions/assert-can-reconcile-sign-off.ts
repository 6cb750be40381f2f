import { DomainError } from '../errors.js';
import type { EvidenceStatus } from '../portfolio/portfolio.types.js';
import type { SignOffAgreement, SignOffReconciliationOutcome } from './contributions.types.js';

/** A sign-off and the second judgements on it, as reconciling weighs them. */
export interface SignOffFacts {
  practitionerUserId: string;
  reviewerUserId: string;
  /** The version the review decided, where it stands now. */
  versionStatus: EvidenceStatus;
  /** Each countersignature given on the review: true when it countersigned, false when it did not. */
  countersignatures: readonly boolean[];
  /** The reconciliation, once made. */
  reconciliation: { outcome: SignOffReconciliationOutcome } | null;
}

/**
 * Where a sign-off and its countersignatures stand (peers.md: judgement provenance instead of
 * overwrite): none given; all countersigned; at least one did not and nobody has reconciled them;
 * reconciled by a named person.
 */
export function signOffAgreementOf(
  facts: Pick<SignOffFacts, 'countersignatures' | 'reconciliation'>,
): SignOffAgreement {
  if (facts.reconciliation) return 'RECONCILED';
  if (facts.countersignatures.length === 0) return 'NOT_COUNTERSIGNED';
  return facts.countersignatures.every(Boolean) ? 'AGREED' : 'DISAGREED';
}

/**
 * Checks that `reconcilerUserId` may reconcile a sign-off with the countersignature that did not
 * countersign it, and what follows. Whether they hold the role (a PSW) is the access policy's:
 * 1. only a disagreement is reconciled: a sign-off nobody disputed stands as it is
 *    (SIGN_OFF_NOT_DISPUTED), and one reconciled stays so (SIGN_OFF_RECONCILED);
 * 2. the reconciler is neither the practitioner nor the reviewer whose judgement is weighed
 *    (SELF_REVIEW); the countersigner has no account;
 * 3. a reason is given (REASONS_REQUIRED, `input.reason`);
 * 4. overturning sends the approved version back for changes (`transitionEvidence` OVERTURN), so
 *    it counts for nothing until the practitioner submits again; upholding changes no record but
 *    the reconciliation itself. Either way the review and the countersignatures stay as they were.
 * Returns whether the version is to move.
 */
export function assertCanReconcileSignOff(
  facts: SignOffFacts,
  reconcilerUserId: string,
  choice: { outcome: SignOffReconciliationOutcome; reason: string | null },
): { overturns: boolean } {
  const agreement = signOffAgreementOf(facts);
  if (agreement === 'RECONCILED') {
    throw new DomainError(
      'SIGN_OFF_RECONCILED',
      'This sign-off has been reconciled already.',
      'input.reviewId',
    );
  }
  if (agreement !== 'DISAGREED') {
    throw new DomainError(
      'SIGN_OFF_NOT_DISPUTED',
      'No countersignature disagrees with this sign-off: there is nothing to reconcile.',
      'input.reviewId',
      { agreement },
    );
  }
  if (reconcilerUserId === facts.practitionerUserId || reconcilerUserId === facts.reviewerUserId) {
    throw new DomainError(
      'SELF_REVIEW',
      'A disputed sign-off is reconciled by someone other than the practitioner and the reviewer.',
      'input.reviewId',
    );
  }
  if (!choice.reason?.trim()) {
    throw new DomainError(
      'REASONS_REQUIRED',
      'Give the reason for upholding or overturning the sign-off.',
      'input.reason',
    );
  }
  return { overturns: choice.outcome === 'OVERTURN' && facts.versionStatus === 'APPROVED' };
}
