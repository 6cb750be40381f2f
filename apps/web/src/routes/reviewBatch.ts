import { Router, type Request, type Response } from 'express';
import { ApiError } from '../data/apiError.js';
import { ReviewEvidenceBatchDocument, type ReviewEvidenceInput } from '../data/generated/graphql.js';
import { errorsFor, type FormErrors } from '../forms.js';
import { hasRole, REVIEWER_ROLES } from '../middleware/setUpCurrentUser.js';
import { daysWaiting, describeDaysWaiting } from '../presenters/daysWaiting.js';
import {
  batchFormFieldOf,
  pieceOutcome,
  readChosenPieces,
  readPostedPieces,
  type ChosenPiece,
} from '../presenters/reviewBatchForm.js';
import {
  mappingLabel,
  readReviewForm,
  reviewInputFrom,
  type ReviewFormValues,
} from '../presenters/reviewDecisionForm.js';
import {
  loadReviewPiece,
  mappingsToDecide,
  reviewHref,
  withdrawnAsNull,
  type ReviewPiece,
} from './reviewPiece.js';

/** A chosen piece still waiting for this reviewer, with the revision they read it at. */
interface OpenPiece {
  chosen: ChosenPiece;
  piece: ReviewPiece;
  revision: number;
}

/** A chosen piece that is no longer this reviewer's to decide (decided, withdrawn, reassigned). */
interface GonePiece {
  chosen: ChosenPiece;
  title: string;
}

/**
 * Bulk review: the reviewer chooses several pieces on the queue and decides each of them on one page,
 * each piece and each mapping on its own (the same judgement as the single review page), sent as one
 * `reviewEvidenceBatch`; the answer says, per piece, decided or refused and why.
 */
export function reviewBatchRoutes(): Router {
  const router = Router();

  router.use('/reviews/several', (req, _res, next) =>
    hasRole(req, ...REVIEWER_ROLES)
      ? next()
      : next(new ApiError('Not a reviewer', 'FORBIDDEN', undefined, [], undefined, 403)),
  );

  router.get('/reviews/several', async (req, res, next) => {
    try {
      const { pieces, problem } = readChosenPieces(req.query.piece);
      if (problem) return res.redirect(303, `/reviews?chosen=${problem}`);
      const { open, gone } = await loadPieces(
        req,
        pieces.map((chosen) => ({ chosen, revision: null })),
      );
      renderForm(
        res,
        open,
        gone,
        open.map(({ piece }) => blankValues(piece)),
      );
    } catch (error) {
      next(error);
    }
  });

  router.post('/reviews/several', async (req, res, next) => {
    try {
      const posted = readPostedPieces(req.body ?? {});
      if (posted.length === 0) return res.redirect(303, '/reviews?chosen=none');
      const { open, gone } = await loadPieces(
        req,
        posted.map((p) => ({ chosen: p, revision: p.revision })),
      );
      const bodies = new Map(posted.map((p) => [p.versionId, p.body]));
      const values = open.map(({ piece }) =>
        readReviewForm(bodies.get(piece.version.id) ?? {}, piece.version.mappings.length),
      );
      const problems: { field: string; text: string }[] = [];
      const inputs: ReviewEvidenceInput[] = [];
      const decisionRows: number[][] = [];
      open.forEach(({ piece, revision }, index) => {
        const parsed = reviewInputFrom(values[index]!, {
          evidenceVersionId: piece.version.id,
          revision,
          mappings: piece.version.mappings.map((m) => ({ id: m.id, label: mappingLabel(m) })),
          outcomeField: 'outcome',
        });
        if (!parsed.ok) {
          for (const p of parsed.problems)
            problems.push({ field: `pieces.${index}.${p.field}`, text: `${piece.version.title}: ${p.text}` });
          return;
        }
        inputs.push(parsed.input);
        decisionRows.push(parsed.decisionRows);
      });
      if (problems.length > 0) return renderForm(res.status(400), open, gone, values, errorsFor(problems));
      if (open.length === 0) return renderResult(res, [], gone);
      try {
        const { reviewEvidenceBatch } = await req.api(ReviewEvidenceBatchDocument, {
          input: { reviews: inputs },
        });
        return renderResult(
          res,
          open.map(({ piece, chosen }, index) => ({
            title: piece.version.title,
            outcome: pieceOutcome(reviewEvidenceBatch.items[index]!, reviewHref(chosen)),
          })),
          gone,
        );
      } catch (error) {
        // The batch as a whole was refused: nothing was decided, so the form comes back as typed.
        if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') throw error;
        const at = batchFormFieldOf(error.fields[0]?.field ?? error.field, decisionRows);
        const text = error.fields.length
          ? error.fields.map((f) => f.messages.join('. ')).join('. ')
          : error.message;
        return renderForm(res.status(400), open, gone, values, errorsFor([{ field: at, text }]));
      }
    } catch (error) {
      next(error);
    }
  });

  return router;
}

/**
 * Each chosen piece as it is now: still waiting for this reviewer (with the revision they read: the
 * one the form carried, or the current one when the page first opens), or gone.
 */
async function loadPieces(
  req: Request,
  chosen: { chosen: ChosenPiece; revision: number | null }[],
): Promise<{ open: OpenPiece[]; gone: GonePiece[] }> {
  const loaded = await Promise.all(
    chosen.map((c) => loadReviewPiece(req, c.chosen.evidenceId, c.chosen.versionId).catch(withdrawnAsNull)),
  );
  const open: OpenPiece[] = [];
  const gone: GonePiece[] = [];
  loaded.forEach((piece, i) => {
    const c = chosen[i]!;
    if (piece?.decidable)
      open.push({ chosen: c.chosen, piece, revision: c.revision ?? piece.version.revision });
    else gone.push({ chosen: c.chosen, title: piece?.version.title ?? 'A piece you chose' });
  });
  return { open, gone };
}

function blankValues(piece: ReviewPiece): ReviewFormValues {
  return {
    decisions: piece.version.mappings.map(() => ({ decision: '', level: '', comment: '' })),
    comment: '',
    confirmNoIdentifiers: false,
    outcome: '',
  };
}

function renderForm(
  res: Response,
  open: OpenPiece[],
  gone: GonePiece[],
  values: ReviewFormValues[],
  errors?: FormErrors,
): void {
  const now = new Date();
  res.render('pages/reviews/several', {
    errors,
    unavailable: gone,
    pieces: open.map(({ piece, chosen, revision }, index) => ({
      index,
      owner: piece.owner,
      version: piece.version,
      revision,
      reviewHref: reviewHref(chosen),
      mappings: mappingsToDecide(piece),
      values: values[index],
      daysWaitingText: describeDaysWaiting(daysWaiting(piece.version.submittedAt, now)),
    })),
  });
}

function renderResult(
  res: Response,
  rows: { title: string; outcome: ReturnType<typeof pieceOutcome> }[],
  gone: GonePiece[],
): void {
  const all = [
    ...rows,
    ...gone.map((g) => ({
      title: g.title,
      outcome: { decided: false, text: 'Not decided: it is no longer waiting for your decision' },
    })),
  ];
  res.render('pages/reviews/several-result', {
    rows: all,
    decidedCount: all.filter((r) => r.outcome.decided).length,
  });
}
