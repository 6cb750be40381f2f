import type { CpdDuplicateFacts } from './compliance.types.js';
import { cpdDuplicateKey } from './cpd-duplicate-key.js';

/**
 * The ids of earlier CPD pieces that are the same as `candidate` (see `cpdDuplicateKey`), in the
 * order given; empty when it is new. SWE rejects identical records, so the caller warns before
 * saving. The candidate itself (same `evidenceId`, e.g. when editing) is never its own duplicate.
 */
export function findDuplicateCpd(
  candidate: CpdDuplicateFacts,
  earlier: readonly CpdDuplicateFacts[],
): string[] {
  const key = cpdDuplicateKey(candidate);
  return earlier
    .filter((piece) => piece.evidenceId !== candidate.evidenceId && cpdDuplicateKey(piece) === key)
    .map((piece) => piece.evidenceId);
}
