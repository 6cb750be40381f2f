import { Router, type Request, type Response } from 'express';
import {
  DisputedSignOffDocument,
  DisputedSignOffsDocument,
  ReconcileSignOffDocument,
  type SignOffReconciliationOutcome,
} from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
import { cursorParam } from '../presenters/paging.js';
import type { Services } from '../services/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 50;
const OUTCOMES: SignOffReconciliationOutcome[] = ['UPHOLD', 'OVERTURN'];

interface ReconcileValues {
  outcome: string;
  reason: string;
  confirmNoIdentifiers: boolean;
}

/**
 * Disputed sign-offs (PSWs): the approvals an off-site practice educator did not countersign, and
 * the page that weighs the two judgements and upholds or overturns the approval with a reason.
 * The API decides again who may see and reconcile each.
 */
export function disputedSignOffRoutes(_services: Services): Router {
  const router = Router();
  router.use('/progression/disputed-sign-offs', (req, res, next) =>
    hasRole(req, 'PRINCIPAL_SOCIAL_WORKER') ? next() : res.status(404).render('pages/not-found'),
  );

  router.get('/progression/disputed-sign-offs', async (req, res, next) => {
    try {
      const after = cursorParam(req.query.after);
      const { signOffsToReconcile: page } = await req.api(DisputedSignOffsDocument, {
        first: PAGE_SIZE,
        after,
      });
      res.render('pages/disputed-sign-offs/index', {
        items: page.nodes,
        next:
          page.pageInfo.hasNextPage && page.pageInfo.endCursor
            ? `/progression/disputed-sign-offs?after=${encodeURIComponent(page.pageInfo.endCursor)}`
            : null,
        first: after ? '/progression/disputed-sign-offs' : null,
      });
    } catch (error) {
      next(error);
    }
  });

  const render = async (
    req: Request,
    res: Response,
    form: { values: ReconcileValues; errors?: FormErrors; identifiersDetected?: boolean },
  ) => {
    const { evidenceId, versionId } = req.params as { evidenceId: string; versionId: string };
    const found =
      UUID.test(evidenceId) && UUID.test(versionId)
        ? (await req.api(DisputedSignOffDocument, { evidenceId })).evidence
        : null;
    const version = found?.versions.find((v) => v.id === versionId && v.review);
    if (!version) return res.status(404).render('pages/not-found');
    res.status(form.errors ? 400 : 200).render('pages/disputed-sign-offs/reconcile', {
      version,
      review: version.review!,
      action: `/progression/disputed-sign-offs/${evidenceId}/${versionId}`,
      ...form,
    });
  };

  router.get('/progression/disputed-sign-offs/:evidenceId/:versionId', (req, res, next) =>
    render(req, res, { values: { outcome: '', reason: '', confirmNoIdentifiers: false } }).catch(next),
  );

  router.post('/progression/disputed-sign-offs/:evidenceId/:versionId', async (req, res, next) => {
    const body = req.body as Record<string, unknown>;
    const values: ReconcileValues = {
      outcome: typeof body.outcome === 'string' ? body.outcome : '',
      reason: typeof body.reason === 'string' ? body.reason : '',
      confirmNoIdentifiers: body.confirmNoIdentifiers === 'yes',
    };
    const outcome = OUTCOMES.find((o) => o === values.outcome);
    const problems = [
      ...(outcome ? [] : [{ field: 'outcome', text: 'Select whether you uphold or overturn the approval' }]),
      ...(values.reason.trim() ? [] : [{ field: 'reason', text: 'Enter the reason for your decision' }]),
    ];
    try {
      if (problems.length) return await render(req, res, { values, errors: errorsFor(problems) });
      const reviewId = String(body.reviewId ?? '');
      const { reconcileSignOff: version } = await req.api(ReconcileSignOffDocument, {
        input: {
          reviewId,
          outcome: outcome!,
          reason: values.reason,
          confirmNoIdentifiers: values.confirmNoIdentifiers,
        },
      });
      req.session.flash =
        version.status === 'CHANGES_REQUESTED'
          ? 'You overturned the approval: the evidence has gone back to the practitioner for changes.'
          : 'You upheld the approval.';
      res.redirect(303, '/progression/disputed-sign-offs');
    } catch (error) {
      if (!isFormError(error)) return next(error);
      // Reconciled meanwhile by someone else, or no longer theirs to reconcile: say so above the list.
      if (error.field === 'input.reviewId') {
        req.session.flash = error.message;
        return res.redirect(303, '/progression/disputed-sign-offs');
      }
      await render(req, res, {
        values,
        errors: formErrorsFrom(error, 'reason', { reason: 'The reason', outcome: 'The decision' }),
        identifiersDetected: error.domainCode === 'IDENTIFIERS_DETECTED',
      }).catch(next);
    }
  });

  return router;
}
