import { DomainError } from '../errors.js';
import type { CpdActivityType, EvidenceKind } from './portfolio.types.js';

/** A CPD activity says what type of CPD it was (SWE's form asks for it); other kinds of evidence have none. */
export function assertCpdActivityType(kind: EvidenceKind, type: CpdActivityType | null): void {
  if ((kind === 'CPD_ACTIVITY') === (type !== null)) return;
  throw new DomainError(
    'CPD_ACTIVITY_TYPE_INVALID',
    kind === 'CPD_ACTIVITY'
      ? 'Say what type of CPD activity this is.'
      : 'Only CPD activities have a CPD activity type.',
    'input.cpdActivityType',
  );
}
