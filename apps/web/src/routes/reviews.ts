import { Router, type Request, type Response } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  ReviewEvidenceDocument,
  ReviewQueueDocument,
  ReviewQueueFilterOptionsDocument,
  type EvidenceKind,
} from '../data/generated/graphql.js';
import { errorsFor, type FormErrors } from '../forms.js';
import { hasRole, REVIEWER_ROLES } from '../middleware/setUpCurrentUser.js';
import { originText } from '../presenters/contributions.js';
import { daysWaiting, describeDaysWaiting } from '../presenters/daysWaiting.js';
import {
  mappingLabel,
  readReviewForm,
  reviewFormFieldOf,
  reviewInputFrom,
  type ReviewFormValues,
} from '../presenters/reviewDecisionForm.js';
import { choiceProblemText } from '../presenters/reviewBatchForm.js';
import { pageLinks, pageRequest } from '../presenters/paging.js';
import { readQueueFilters, reviewQueueUrl } from '../presenters/reviewQueueFilters.js';
import { ukToday } from '../presenters/ukToday.js';
import type { Services } from '../services/index.js';
import {
  loadReviewPiece,
  mappingsToDecide,
  withdrawnAsNull,
  type ReviewPiece,
  type Version,
} from './reviewPiece.js';
import { sendDownload } from './sendDownload.js';

const PAGE_SIZE = 20;
const KINDS: readonly EvidenceKind[] = [
  'CERTIFICATE',
  'CPD_ACTIVITY',
  'CRITICAL_REFLECTION',
  'DIRECT_OBSERVATION',
  'PROFESSIONAL_FEEDBACK',
  'SERVICE_USER_FEEDBACK',
  'SUPERVISION_REFLECTION',
  'WRITTEN_REPORT',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reviewer's journey: the queue of submissions, one submission to decide, and its files. */
export function reviewRoutes(services: Services): Router {
  const router = Router();

  router.use('/reviews', (req, _res, next) =>
    hasRole(req, ...REVIEWER_ROLES)
      ? next()
      : next(new ApiError('Not a reviewer', 'FORBIDDEN', undefined, [], undefined, 403)),
  );

  router.get('/reviews', async (req, res, next) => {
    try {
      const { filters, minWaitingDays: days, problems: filterProblems } = readQueueFilters(req.query);
      const page = pageRequest(req.query, PAGE_SIZE);
      // Sent back from "Review several pieces" with nothing (or too much) chosen.
      const chosen = choiceProblemText(req.query.chosen);
      const problems = chosen ? [...filterProblems, { field: 'piece', text: chosen }] : filterProblems;
      const options = await req.api(ReviewQueueFilterOptionsDocument, {
        assessorUserId: req.session.user!.userId,
        today: ukToday(new Date()),
      });
      const practitioners = [
        ...new Map(
          options.assessorRelationships.nodes.map((r) => [r.practitioner.id, r.practitioner]),
        ).values(),
      ].sort((a, b) => a.fullName.localeCompare(b.fullName));
      const domains = options.framework.items;
      // A filter from an old link that no longer matches anything selectable is dropped, not sent.
      const practitionerUserId = practitioners.some((p) => p.id === filters.practitioner)
        ? filters.practitioner
        : undefined;
      const kind = KINDS.find((k) => k === filters.kind);
      const itemCode = domains.some((d) => d.code === filters.item) ? filters.item : undefined;
      const queue = filterProblems.length
        ? null
        : await req.api(ReviewQueueDocument, {
            ...page,
            practitionerUserId,
            kind,
            itemCode,
            minWaitingDays: days,
          });
      const now = new Date();
      res.status(filterProblems.length ? 400 : 200).render('pages/reviews/queue', {
        errors: problems.length ? errorsFor(problems) : undefined,
        filters,
        filtered: Boolean(practitionerUserId || kind || itemCode || days !== undefined),
        practitioners,
        domains,
        kinds: KINDS,
        allWaiting: queue?.allWaiting,
        waitingAtLeast: queue?.waitingAtLeast,
        minWaitingDays: days,
        items: (queue?.reviewQueue.nodes ?? []).map((v) => {
          const waited = daysWaiting(v.submittedAt, now);
          return { ...v, daysWaiting: waited, waitingText: describeDaysWaiting(waited) };
        }),
        pages: queue
          ? pageLinks(queue.reviewQueue.pageInfo, page, (cursor) => reviewQueueUrl(filters, cursor))
          : {},
      });
    } catch (error) {
      next(error);
    }
  });

  /** Attachments come through the web server: the browser holds no API token. */
  router.get('/reviews/attachments/:attachmentId', async (req, res, next) => {
    try {
      if (!UUID.test(req.params.attachmentId)) return res.status(404).render('pages/not-found');
      const download = await services.http.download(
        `/attachments/${encodeURIComponent(req.params.attachmentId)}`,
        await req.callContext(),
      );
      sendDownload(res, download);
    } catch (error) {
      next(error);
    }
  });

  const REVIEW_PATH = '/reviews/:evidenceId/versions/:versionId';

  router.get(REVIEW_PATH, async (req, res, next) => {
    try {
      const page = await loadReview(req);
      if (!page) return res.status(404).render('pages/not-found');
      renderReview(res, page, { values: blankValues(page.version) });
    } catch (error) {
      next(error);
    }
  });

  router.post(REVIEW_PATH, async (req, res, next) => {
    try {
      // They had the form open: if they may no longer see the piece, it was withdrawn from them.
      const page = await loadReview(req).catch(withdrawnAsNull);
      if (!page) return res.status(409).render('pages/reviews/no-longer-waiting');
      const values = readReviewForm(req.body ?? {}, page.version.mappings.length);
      if (!page.decidable) {
        return renderReview(res.status(409), page, { values, conflict: 'DECIDED' });
      }
      const revision = Number(req.body?.revision);
      const parsed = reviewInputFrom(values, {
        evidenceVersionId: page.version.id,
        // The revision the reviewer read, from the form: a change since then must be refused, not decided.
        revision: Number.isInteger(revision) ? revision : page.version.revision,
        mappings: page.version.mappings.map((m) => ({ id: m.id, label: mappingLabel(m) })),
      });
      if (!parsed.ok) {
        return renderReview(res.status(400), page, { values, errors: errorsFor(parsed.problems) });
      }
      try {
        const { reviewEvidence } = await req.api(ReviewEvidenceDocument, { input: parsed.input });
        req.session.flash =
          reviewEvidence.status === 'APPROVED'
            ? `Approved: ${reviewEvidence.title}`
            : `Changes requested: ${reviewEvidence.title}`;
        return res.redirect(303, '/reviews');
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code === 'CONFLICT') {
          // Someone decided first, or the practitioner changed it: show it as it is now.
          const fresh = await loadReview(req).catch(withdrawnAsNull);
          if (!fresh) return res.status(409).render('pages/reviews/no-longer-waiting');
          return renderReview(res.status(409), fresh, {
            values,
            conflict: fresh.decidable ? 'CHANGED' : 'DECIDED',
          });
        }
        if (error.code === 'BAD_USER_INPUT') {
          const field = reviewFormFieldOf(error.field, parsed.decisionRows);
          const identifiers = error.domainCode === 'IDENTIFIERS_DETECTED';
          const text = identifiers
            ? 'This may identify someone you work with. Remove names, dates of birth, addresses, phone numbers and case numbers, or confirm there are no identifying details'
            : error.fields.length
              ? error.fields.map((f) => f.messages.join('. ')).join('. ')
              : error.message;
          return renderReview(res.status(400), page, {
            values,
            errors: errorsFor([{ field, text }]),
            askToConfirmIdentifiers: identifiers,
          });
        }
        throw error;
      }
    } catch (error) {
      next(error);
    }
  });

  return router;
}

/** The version the page's path names. */
function loadReview(req: Request): Promise<ReviewPiece | null> {
  const { evidenceId, versionId } = req.params as { evidenceId: string; versionId: string };
  return loadReviewPiece(req, evidenceId, versionId);
}

function blankValues(version: Version): ReviewFormValues {
  return {
    decisions: version.mappings.map(() => ({ decision: '', level: '', comment: '' })),
    comment: '',
    confirmNoIdentifiers: false,
    outcome: '',
  };
}

function renderReview(
  res: Response,
  page: ReviewPiece,
  state: {
    values: ReviewFormValues;
    errors?: FormErrors;
    conflict?: 'DECIDED' | 'CHANGED';
    askToConfirmIdentifiers?: boolean;
  },
): void {
  const { version } = page;
  res.render('pages/reviews/review', {
    ...state,
    originText,
    owner: page.owner,
    version,
    isCurrent: page.isCurrent,
    decidable: page.decidable,
    mappings: mappingsToDecide(page),
    daysWaitingText: describeDaysWaiting(daysWaiting(version.submittedAt, new Date())),
  });
}
