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

/** Plain ASCII, which NFKC leaves as it is: most records, normalised here without the Unicode work. */
// eslint-disable-next-line no-control-regex -- control characters are ASCII too
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** The ASCII characters in Unicode's punctuation category (`$+<=>^`|~` are symbols, not punctuation). */
const ASCII_PUNCTUATION = /[!-#%-*,-/:;?@[-\]_{}]+/g;

function normalise(value: string): string {
  if (ASCII_ONLY.test(value)) {
    return value.toLowerCase().replace(ASCII_PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
  }
  return value
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\p{P}+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
