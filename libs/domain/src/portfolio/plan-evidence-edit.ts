import { DomainError } from '../errors.js';
import type { EvidenceEditPlan, EvidenceStatus } from './portfolio.types.js';

/**
 * How an edit to the current version of evidence is stored.
 * - DRAFT: edit the version in place.
 * - APPROVED / CHANGES_REQUESTED: start a new DRAFT version; the decided version and its
 *   decision stay as they were (reference §3.3: submitted entries are edited and resubmitted; §10 rule 9).
 * - SUBMITTED: refused while it awaits a decision; the owner withdraws it first.
 */
export function planEvidenceEdit(status: EvidenceStatus): EvidenceEditPlan {
  switch (status) {
    case 'DRAFT':
      return 'EDIT_IN_PLACE';
    case 'APPROVED':
    case 'CHANGES_REQUESTED':
      return 'NEW_VERSION';
    case 'SUBMITTED':
      throw new DomainError(
        'EVIDENCE_NOT_EDITABLE',
        'Evidence awaiting a decision cannot be edited; withdraw it first.',
        undefined,
        { status },
      );
  }
}
