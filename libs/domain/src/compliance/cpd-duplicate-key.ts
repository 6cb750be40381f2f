import type { CpdDuplicateFacts } from './compliance.types.js';

/**
 * What makes two CPD records "the same" to SWE's duplicate check (reference §3.2, §10 rule 9):
 * the same day, and the same title and text (description, learning and impact read as one text)
 * once normalised: Unicode NFKC (so full-width letters, ligatures and non-breaking spaces match
 * their plain forms), lower case, punctuation read as a space, runs of white space as one space,
 * trimmed. Two records with equal keys are duplicates.
 */
export function cpdDuplicateKey(piece: Omit<CpdDuplicateFacts, 'evidenceId'>): string {
  const text = [piece.description, piece.learning, piece.impact].join(' ');
  return JSON.stringify([piece.date, normalise(piece.title), normalise(text)]);
}

function normalise(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\p{P}+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
