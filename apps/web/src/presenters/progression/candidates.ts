import { gapSentences } from '../progressionRoutes.js';

export interface CandidateInput {
  closeness: number;
  eligible: boolean;
  gaps: string[];
  practitioner: { id: string; fullName: string };
}

export interface CandidateRow {
  practitionerUserId: string;
  name: string;
  /** "Eligible now" or "80% of the way". */
  standing: string;
  eligible: boolean;
  /** What is missing, one sentence each, about the candidate rather than to them. */
  gaps: string[];
  /** Eligible and nobody has applied for them yet, so a PSW may put them forward. */
  canPutForward: boolean;
}

/** One candidate as the PSW reads them: how close, what is missing, and whether they can be put forward. */
export function presentCandidate(candidate: CandidateInput, hasOpenApplication: boolean): CandidateRow {
  return {
    practitionerUserId: candidate.practitioner.id,
    name: candidate.practitioner.fullName,
    standing: candidate.eligible ? 'Eligible now' : `${Math.floor(candidate.closeness * 100)}% of the way`,
    eligible: candidate.eligible,
    gaps: candidate.eligible ? [] : candidate.gaps.flatMap(gapSentences).map(aboutThem),
    canPutForward: candidate.eligible && !hasOpenApplication,
  };
}

/** "You need a verified completed ASYE." → "Needs a verified completed ASYE." */
export function aboutThem(sentence: string): string {
  return sentence
    .replace(/^You need /, 'Needs ')
    .replace(/^You are /, 'Is ')
    .replace(/^You /, 'They ');
}
