import { Router, type Request, type Response } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  EvidenceForReviewDocument,
  FrameworkLevelsDocument,
  ReviewEvidenceDocument,
  ReviewQueueDocument,
  ReviewQueueFilterOptionsDocument,
  type EvidenceForReviewQuery,
  type EvidenceKind,
  type FrameworkLevelsQuery,
} from '../data/generated/graphql.js';
import { errorsFor, type FormErrors } from '../forms.js';
import { hasRole, REVIEWER_ROLES } from '../middleware/setUpCurrentUser.js';
import { originText } from '../presenters/contributions.js';
import { daysWaiting, describeDaysWaiting } from '../presenters/daysWaiting.js';
import {
  levelChoiceValue,
  mappingLabel,
  otherLevelChoices,
  readReviewForm,
  reviewFormFieldOf,
  reviewInputFrom,
  type ReviewFormValues,
} from '../presenters/reviewDecisionForm.js';
import { readQueueFilters, reviewQueueUrl } from '../presenters/reviewQueueFilters.js';
import { ukToday } from '../presenters/ukToday.js';
import type { Services } from '../services/index.js';
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

type Version = EvidenceForReviewQuery['evidence']['versions'][number];
type Levels = FrameworkLevelsQuery['framework']['levels'];

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
      const { filters, after, minWaitingDays: days, problems } = readQueueFilters(req.query);
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
      const queue = problems.length
        ? null
        : await req.api(ReviewQueueDocument, {
            first: PAGE_SIZE,
            after,
            practitionerUserId,
            kind,
            itemCode,
            minWaitingDays: days,
          });
      const now = new Date();
      res.status(problems.length ? 400 : 200).render('pages/reviews/queue', {
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
        nextUrl: queue?.reviewQueue.pageInfo.hasNextPage
          ? reviewQueueUrl(filters, queue.reviewQueue.pageInfo.endCursor ?? undefined)
          : undefined,
        firstPageUrl: after ? reviewQueueUrl(filters) : undefined,
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

/** A piece the reviewer may no longer see (withdrawn, or their assignment ended) reads as none. */
function withdrawnAsNull(error: unknown): null {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
  throw error;
}

interface ReviewPage {
  owner: { id: string; fullName: string };
  version: Version;
  isCurrent: boolean;
  decidable: boolean;
  levelsByFramework: Map<string, Levels>;
}

const frameworkKey = (f: { frameworkCode: string; version: string }) => `${f.frameworkCode}@${f.version}`;

/** The exact version asked for, with the levels its mappings could be accepted at; null if there is none. */
async function loadReview(req: Request): Promise<ReviewPage | null> {
  const { evidenceId, versionId } = req.params as { evidenceId: string; versionId: string };
  if (!UUID.test(evidenceId) || !UUID.test(versionId)) return null;
  const { evidence } = await req.api(EvidenceForReviewDocument, { evidenceId });
  const version = evidence.versions.find((v) => v.id === versionId);
  if (!version) return null;
  const decidable = version.status === 'SUBMITTED' && version.reviewer?.id === req.session.user!.userId;
  const levelsByFramework = new Map<string, Levels>();
  if (decidable) {
    const frameworks = [
      ...new Map(version.mappings.map((m) => [frameworkKey(m.framework), m.framework])).values(),
    ];
    const answers = await Promise.all(
      frameworks.map((f) => req.api(FrameworkLevelsDocument, { code: f.frameworkCode, version: f.version })),
    );
    frameworks.forEach((f, i) => levelsByFramework.set(frameworkKey(f), answers[i]!.framework.levels));
  }
  return {
    owner: evidence.owner,
    version,
    isCurrent: evidence.current.id === version.id,
    decidable,
    levelsByFramework,
  };
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
  page: ReviewPage,
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
    mappings: version.mappings.map((m, row) => ({
      ...m,
      row,
      label: mappingLabel(m),
      acceptedLabel: m.acceptedLevel
        ? mappingLabel({ item: m.item, level: m.acceptedLevel, pathway: m.acceptedPathway })
        : undefined,
      levelChoices: otherLevelChoices(page.levelsByFramework.get(frameworkKey(m.framework)) ?? [], {
        levelCode: m.level?.code ?? null,
        pathwayCode: m.pathway?.code ?? null,
      }),
      claimedValue: m.level ? levelChoiceValue(m.level.code, m.pathway?.code) : '',
    })),
    daysWaitingText: describeDaysWaiting(daysWaiting(version.submittedAt, new Date())),
  });
}
