import type { ReviewEvidenceBatchMutation } from '../data/generated/graphql.js';
import { reviewFormFieldOf } from './reviewDecisionForm.js';

/** The most pieces one bulk review sends (the API's own limit). */
export const MAX_PIECES = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A piece of evidence the reviewer chose: the exact version they will read and decide. */
export interface ChosenPiece {
  evidenceId: string;
  versionId: string;
}

/** A piece as posted back from the bulk review form: which version, the revision read, and its fields. */
export interface PostedPiece extends ChosenPiece {
  /** The revision the reviewer read, from the form; null if the form did not carry a whole number. */
  revision: number | null;
  body: Record<string, unknown>;
}

export type BatchItem = ReviewEvidenceBatchMutation['reviewEvidenceBatch']['items'][number];

/** How one piece of a bulk review ended, in the reviewer's words. */
export interface PieceOutcome {
  decided: boolean;
  text: string;
  /** Where to decide it on its own, when it can still be decided. */
  reviewAgainHref?: string;
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** Why a bulk review could not start: nothing, or too much, was chosen on the queue. */
export type ChoiceProblem = 'none' | 'too-many';

const CHOICE_PROBLEMS: Record<ChoiceProblem, string> = {
  none: 'Choose the pieces of evidence you want to review',
  'too-many': `Choose ${MAX_PIECES} pieces or fewer to review at once`,
};

/** The words for a choice problem the queue is sent back with (`?chosen=none`); undefined for anything else. */
export function choiceProblemText(value: unknown): string | undefined {
  return typeof value === 'string' && Object.hasOwn(CHOICE_PROBLEMS, value)
    ? CHOICE_PROBLEMS[value as ChoiceProblem]
    : undefined;
}

/**
 * The pieces ticked on the queue (`piece=<evidenceId>:<versionId>`, one per box), each once, in the
 * order given; anything else in the query is ignored. Says what to fix when none, or too many, are chosen.
 */
export function readChosenPieces(value: unknown): { pieces: ChosenPiece[]; problem?: ChoiceProblem } {
  const seen = new Set<string>();
  const pieces: ChosenPiece[] = [];
  for (const entry of asList(value)) {
    if (typeof entry !== 'string') continue;
    const [evidenceId = '', versionId = '', ...rest] = entry.split(':');
    if (rest.length || !UUID.test(evidenceId) || !UUID.test(versionId) || seen.has(versionId)) continue;
    seen.add(versionId);
    pieces.push({ evidenceId, versionId });
  }
  if (pieces.length === 0) return { pieces, problem: 'none' };
  if (pieces.length > MAX_PIECES) return { pieces: [], problem: 'too-many' };
  return { pieces };
}

/**
 * The bulk review form's body as posted: `pieces[0][evidenceId]`, `pieces[0][outcome]`… The body parser
 * gives an array, or an object keyed by index once there are many; a piece without valid ids is dropped.
 */
export function readPostedPieces(body: Record<string, unknown>): PostedPiece[] {
  const rows = (body.pieces ?? {}) as Record<string, unknown>;
  const posted: PostedPiece[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < MAX_PIECES; i++) {
    const row = rows[i];
    if (!row || typeof row !== 'object' || Array.isArray(row)) continue;
    const fields = row as Record<string, unknown>;
    const { evidenceId, versionId } = fields;
    if (typeof evidenceId !== 'string' || typeof versionId !== 'string') continue;
    if (!UUID.test(evidenceId) || !UUID.test(versionId) || seen.has(versionId)) continue;
    seen.add(versionId);
    const revision = Number(fields.revision);
    posted.push({
      evidenceId,
      versionId,
      revision: typeof fields.revision === 'string' && Number.isInteger(revision) ? revision : null,
      body: fields,
    });
  }
  return posted;
}

/**
 * The form field a refusal of the whole batch is about: "input.reviews[1].comment" (or ".1.comment") →
 * "pieces.1.comment", "input.reviews[0].mappingDecisions[2].levelCode" → the level of the row that
 * decision came from; anything not about one piece → the first piece's outcome.
 */
export function batchFormFieldOf(apiField: string | undefined, decisionRowsByPiece: number[][]): string {
  const match = /^input\.reviews(?:\[(\d+)\]|\.(\d+))(?:\.(.+))?$/.exec(apiField ?? '');
  if (!match) return 'pieces.0.outcome';
  const piece = Number(match[1] ?? match[2]);
  const rest = match[3];
  if (rest === 'outcome') return `pieces.${piece}.outcome`;
  return `pieces.${piece}.${reviewFormFieldOf(rest ? `input.${rest}` : undefined, decisionRowsByPiece[piece] ?? [])}`;
}

/** What became of one piece: decided (and how), or refused and why, with where to decide it again. */
export function pieceOutcome(item: BatchItem, reviewHref: string): PieceOutcome {
  if (item.version) {
    return {
      decided: true,
      text: item.version.status === 'APPROVED' ? 'Approved' : 'Changes requested',
    };
  }
  const refusal = item.refusal;
  switch (refusal?.domainCode) {
    case 'STALE_VERSION':
      return {
        decided: false,
        text: 'Not decided: it changed since you opened it: review it again',
        reviewAgainHref: reviewHref,
      };
    case 'IDENTIFIERS_DETECTED':
      return {
        decided: false,
        text: 'Not decided: your comments may identify someone: review it again',
        reviewAgainHref: reviewHref,
      };
    case 'INVALID_TRANSITION':
    case 'EVIDENCE_NOT_FOUND':
      return { decided: false, text: 'Not decided: it is no longer waiting for your decision' };
    default:
      return {
        decided: false,
        text: `Not decided: ${refusal?.message ?? 'it was refused'}`,
        reviewAgainHref: reviewHref,
      };
  }
}
