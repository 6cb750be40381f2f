import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  AsyeSecondAssessorCandidatesDocument,
  ConfirmAsyeOutcomeDocument,
  DecideProgressionApplicationDocument,
  PractitionerProgressionDocument,
  ProgressionApplicationDocument,
  ProgressionApplicationsDocument,
  ProgressionAsyeCohortDocument,
  ProgressionCandidatesDocument,
  ProgressionOverviewDocument,
  PublishedPathwayDocument,
  PutForwardForRouteDocument,
  QualificationsToVerifyDocument,
  RequestAsyeSecondOpinionDocument,
  VerifyQualificationDocument,
  type ApplicationDecision,
  type AsyeOutcome,
  type ApplicationStatus,
  type ProgressionAsyeCohortQuery,
} from '../data/generated/graphql.js';
import { ApiError } from '../data/apiError.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
import {
  DECISION_DONE,
  applicationStatusTag,
  routeName,
  stageNamer,
} from '../presenters/progression/applications.js';
import { presentCandidate } from '../presenters/progression/candidates.js';
import { eligibilityBreakdown } from '../presenters/progression/eligibilityBreakdown.js';
import { HOW_DECIDED_BRIEFLY } from '../presenters/progression/mechanisms.js';
import type { Services } from '../services/index.js';
import { isId } from './adminLists.js';
import { pageLinks, pageRequest } from '../presenters/paging.js';

const CANDIDATES_PER_PAGE = 20;
const APPLICATIONS_PER_PAGE = 50;
const QUALIFICATIONS_PER_PAGE = 50;
/** Candidates from half way there: eligible and nearly eligible, as the README suggests. */
const MIN_CLOSENESS = 0.5;
const DECISIONS: ApplicationDecision[] = ['APPROVE', 'DEFER', 'DECLINE'];
const STATUSES: ApplicationStatus[] = ['OPEN', 'APPROVED', 'DEFERRED', 'DECLINED', 'WITHDRAWN'];

/** The PSW's progression pages; the API decides again what each person may do. */
const requirePsw: RequestHandler = (req, res, next) =>
  hasRole(req, 'PRINCIPAL_SOCIAL_WORKER') ? next() : res.status(404).render('pages/not-found');

/** The published pathway's stage names, for routes shown by key. */
async function publishedStageNames(req: Request): Promise<(key: string) => string> {
  const { pathways } = await req.api(PublishedPathwayDocument, {});
  return stageNamer(pathways.flatMap((p) => p.published?.stages ?? []));
}

export function progressionRoutes(_services: Services): Router {
  const router = Router();
  router.use('/progression', requirePsw);

  router.get('/progression', async (req, res, next) => {
    try {
      const { pathways, progressionReport: report } = await req.api(ProgressionOverviewDocument, {});
      const pathway = pathways.find((p) => p.published);
      const stageName = stageNamer(pathway?.published?.stages ?? []);
      const mechanisms = new Map(pathway?.published?.routes.map((r) => [r.key, r.mechanism]));
      res.render('pages/progression/index', {
        pathway,
        report,
        routes: report.routes.map((r) => ({
          ...r,
          name: routeName(r, stageName),
          howDecided: HOW_DECIDED_BRIEFLY[mechanisms.get(r.routeKey) ?? 'PANEL'],
        })),
        mostUnmet: report.mostUnmet.map((u) => ({
          ...u,
          routeName: routeName(
            report.routes.find((r) => r.routeKey === u.routeKey) ?? {
              fromStageKey: '',
              toStageKey: u.routeKey,
            },
            stageName,
          ),
        })),
      });
    } catch (error) {
      if (noPublishedPathway(error)) return res.render('pages/progression/index', { pathway: undefined });
      next(error);
    }
  });

  router.get('/progression/routes/:routeKey/candidates', async (req, res, next) => {
    try {
      const routeKey = req.params.routeKey!;
      const after = typeof req.query.after === 'string' && req.query.after ? req.query.after : undefined;
      const [{ candidates, progressionApplications }, { pathways }] = await Promise.all([
        req.api(ProgressionCandidatesDocument, {
          routeKey,
          first: CANDIDATES_PER_PAGE,
          after,
          minCloseness: MIN_CLOSENESS,
        }),
        req.api(PublishedPathwayDocument, {}),
      ]);
      const route = pathways.flatMap((p) => p.published?.routes ?? []).find((r) => r.key === routeKey);
      if (!route) return res.status(404).render('pages/not-found');
      const stageName = stageNamer(pathways.flatMap((p) => p.published?.stages ?? []));
      const applied = new Set(
        progressionApplications.nodes.filter((a) => a.routeKey === routeKey).map((a) => a.practitioner.id),
      );
      res.render('pages/progression/candidates', {
        routeKey,
        routeName: routeName(route, stageName),
        howDecided: HOW_DECIDED_BRIEFLY[route.mechanism],
        candidates: candidates.nodes.map((c) => presentCandidate(c, applied.has(c.practitioner.id))),
        eligibleCount: candidates.eligibleCount,
        nearlyEligibleCount: candidates.nearlyEligibleCount,
        nextPage: candidates.hasNextPage ? candidates.endCursor : null,
        isLaterPage: candidates.hasPreviousPage,
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/progression/routes/:routeKey/candidates/:userId/put-forward', async (req, res, next) => {
    const { routeKey, userId } = req.params as { routeKey: string; userId: string };
    if (!isId(userId)) return res.status(404).render('pages/not-found');
    try {
      const { putForwardForRoute } = await req.api(PutForwardForRouteDocument, {
        input: { routeKey, practitionerUserId: userId },
      });
      req.session.flash = 'You put them forward. Their application is waiting for a decision.';
      res.redirect(303, `/progression/applications/${putForwardForRoute.id}`);
    } catch (error) {
      if (!isFormError(error)) return next(error);
      // Someone else may have put them forward a moment ago: say so at the top of the list.
      req.session.flash = error.message;
      res.redirect(303, `/progression/routes/${encodeURIComponent(routeKey)}/candidates`);
    }
  });

  router.get('/progression/applications', async (req, res, next) => {
    try {
      const status =
        STATUSES.find((s) => s === req.query.status) ?? (req.query.status === 'ALL' ? undefined : 'OPEN');
      const asked = pageRequest(req.query, APPLICATIONS_PER_PAGE);
      const [{ progressionApplications: page }, stageName, routes] = await Promise.all([
        req.api(ProgressionApplicationsDocument, { ...asked, status }),
        publishedStageNames(req),
        publishedRoutes(req),
      ]);
      res.render('pages/progression/applications', {
        status: status ?? 'ALL',
        applications: page.nodes.map((a) => ({
          ...a,
          routeName: nameOfRoute(a.routeKey, routes, stageName),
          tag: applicationStatusTag(a.status),
        })),
        pages: pageLinks(
          page.pageInfo,
          asked,
          (cursor) =>
            `/progression/applications?${new URLSearchParams({ status: status ?? 'ALL', ...cursor })}`,
        ),
      });
    } catch (error) {
      next(error);
    }
  });

  router.get('/progression/applications/:id', (req, res, next) =>
    renderApplication(req, res, { values: {} }).catch(next),
  );

  router.post('/progression/applications/:id', async (req, res, next) => {
    const values = decisionValuesFrom(req.body as Record<string, unknown>);
    if (!values.decision)
      return renderApplication(req, res, {
        values,
        errors: errorsFor([
          { field: 'decision', text: 'Select whether to approve, defer or decline the application' },
        ]),
      }).catch(next);
    try {
      const { decideProgressionApplication: decided } = await req.api(DecideProgressionApplicationDocument, {
        input: {
          applicationId: req.params.id!,
          decision: values.decision,
          reasons: values.reasons || undefined,
          confirmNoIdentifiers: values.confirmNoIdentifiers,
        },
      });
      req.session.flash = `You ${DECISION_DONE[values.decision]} ${decided.practitioner.fullName}’s application.`;
      res.redirect(303, `/progression/applications/${decided.id}`);
    } catch (error) {
      if (!isFormError(error)) return next(error);
      renderApplication(req, res, {
        values,
        errors: formErrorsFrom(error, 'decision', { reasons: 'Reasons' }),
        identifiersDetected: error.domainCode === 'IDENTIFIERS_DETECTED',
      }).catch(next);
    }
  });

  router.get('/progression/qualifications', async (req, res, next) => {
    try {
      const after = typeof req.query.after === 'string' && req.query.after ? req.query.after : undefined;
      const { qualificationsToVerify: page } = await req.api(QualificationsToVerifyDocument, {
        first: QUALIFICATIONS_PER_PAGE,
        after,
      });
      res.render('pages/progression/qualifications', {
        unverified: page.nodes.map((q) => ({ ...q, holder: q.holder.fullName })),
        nextPage: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
        isLaterPage: Boolean(after),
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/progression/qualifications/:id/verify', async (req, res, next) => {
    if (!isId(req.params.id)) return res.status(404).render('pages/not-found');
    try {
      const { verifyQualification } = await req.api(VerifyQualificationDocument, {
        input: { qualificationId: req.params.id },
      });
      req.session.flash = `You verified ${verifyQualification.title}.`;
      res.redirect(303, '/progression/qualifications');
    } catch (error) {
      if (!isFormError(error)) return next(error);
      req.session.flash = error.message;
      res.redirect(303, '/progression/qualifications');
    }
  });

  router.get('/progression/asye-cohort', async (req, res, next) => {
    try {
      const { asyeCohort } = await req.api(ProgressionAsyeCohortDocument, {});
      res.render('pages/progression/asye-cohort', { cohort: asyeCohort.map(presentCohortMember) });
    } catch (error) {
      next(error);
    }
  });

  router.get('/progression/asye-cohort/:id/confirm', (req, res, next) =>
    renderConfirmation(req, res, { values: { comment: '', confirmNoIdentifiers: false } }).catch(next),
  );

  router.post('/progression/asye-cohort/:id/confirm', async (req, res, next) => {
    const body = req.body as Record<string, unknown>;
    const values: ConfirmationValues = {
      comment: typeof body.comment === 'string' ? body.comment : '',
      confirmNoIdentifiers: body.confirmNoIdentifiers === 'yes',
      outcome: OUTCOMES.find((o) => o === body.outcome),
    };
    // Only the reconciliation form names an outcome; confirming one judgement sends none.
    const reconciling = body.reconciling === 'yes';
    try {
      await req.api(ConfirmAsyeOutcomeDocument, {
        input: {
          programmeId: req.params.id!,
          comment: values.comment.trim() || undefined,
          confirmNoIdentifiers: values.confirmNoIdentifiers,
          ...(reconciling && { outcome: values.outcome ?? null }),
        },
      });
      req.session.flash = reconciling
        ? 'You confirmed the ASYE outcome, choosing between the two judgements.'
        : 'You confirmed the ASYE outcome.';
      res.redirect(303, '/progression/asye-cohort');
    } catch (error) {
      if (!isAsyeFormError(error)) return next(error);
      renderConfirmation(req, res, {
        values,
        errors: formErrorsFrom(error, 'comment', {
          comment: reconciling ? 'Reason' : 'Comment',
          outcome: 'Outcome',
        }),
        identifiersDetected: error.domainCode === 'IDENTIFIERS_DETECTED',
      }).catch(next);
    }
  });

  router.post('/progression/asye-cohort/:id/second-opinion', async (req, res, next) => {
    const body = req.body as Record<string, unknown>;
    const secondAssessorId = typeof body.secondAssessorId === 'string' ? body.secondAssessorId : '';
    const values = { comment: '', confirmNoIdentifiers: false, secondAssessorId };
    if (!isId(secondAssessorId)) {
      return renderConfirmation(req, res, {
        values,
        errors: errorsFor([{ field: 'secondAssessorId', text: 'Choose who to ask for a second opinion' }]),
      }).catch(next);
    }
    try {
      await req.api(RequestAsyeSecondOpinionDocument, {
        input: { programmeId: req.params.id!, secondAssessorId },
      });
      req.session.flash = 'You asked for a second opinion. The outcome can be confirmed once it is in.';
      res.redirect(303, '/progression/asye-cohort');
    } catch (error) {
      if (!isAsyeFormError(error)) return next(error);
      renderConfirmation(req, res, {
        values,
        errors: formErrorsFrom(error, 'secondAssessorId', { secondAssessorId: 'Second assessor' }),
      }).catch(next);
    }
  });

  return router;
}

/** Before a PSW publishes a pathway, the organisation-wide questions have nothing to evaluate against. */
export function noPublishedPathway(error: unknown): boolean {
  return error instanceof ApiError && error.domainCode === 'PATHWAY_NOT_FOUND';
}

type PublishedRoute = { key: string; fromStageKey: string; toStageKey: string };

async function publishedRoutes(req: Request): Promise<PublishedRoute[]> {
  const { pathways } = await req.api(PublishedPathwayDocument, {});
  return pathways.flatMap((p) => p.published?.routes ?? []);
}

function nameOfRoute(routeKey: string, routes: PublishedRoute[], stageName: (key: string) => string): string {
  const route = routes.find((r) => r.key === routeKey);
  return route ? routeName(route, stageName) : stageName(routeKey);
}

interface DecisionValues {
  decision?: ApplicationDecision;
  reasons: string;
  confirmNoIdentifiers: boolean;
}

function decisionValuesFrom(body: Record<string, unknown>): DecisionValues {
  return {
    decision: DECISIONS.find((d) => d === body.decision),
    reasons: typeof body.reasons === 'string' ? body.reasons : '',
    confirmNoIdentifiers: body.confirmNoIdentifiers === 'yes',
  };
}

async function renderApplication(
  req: Request,
  res: Response,
  form: { values: Partial<DecisionValues>; errors?: FormErrors; identifiersDetected?: boolean },
): Promise<void> {
  const id = String(req.params.id);
  const application = isId(id)
    ? (await req.api(ProgressionApplicationDocument, { id })).progressionApplication
    : null;
  if (!application) return res.status(404).render('pages/not-found');
  const [stageName, routes, progression] = await Promise.all([
    publishedStageNames(req),
    publishedRoutes(req),
    application.status === 'APPROVED'
      ? req.api(PractitionerProgressionDocument, { practitionerUserId: application.practitioner.id })
      : undefined,
  ]);
  res.status(form.errors ? 400 : 200).render('pages/progression/application', {
    application,
    routeName: nameOfRoute(application.routeKey, routes, stageName),
    tag: applicationStatusTag(application.status),
    breakdown: eligibilityBreakdown(application.eligibilitySnapshot.outcome),
    ownApplication: application.practitioner.id === req.session.user?.userId,
    currentStages: progression?.progression.currentStages.map((s) => s.name) ?? [],
    ...form,
  });
}

type CohortProgramme = ProgressionAsyeCohortQuery['asyeCohort'][number];

const OUTCOMES: AsyeOutcome[] = ['PASS', 'FAIL'];
const outcomeText = (outcome: AsyeOutcome) => (outcome === 'PASS' ? 'Pass' : 'Fail');

/** What the cohort's outcome column offers while the ASYE waits for confirmation. */
const CONFIRM_LINK_TEXT: Record<CohortProgramme['agreement'], string> = {
  NOT_ASKED: 'Confirm the outcome',
  AGREED: 'Confirm the outcome',
  AWAITING_SECOND_OPINION: 'Waiting for the second opinion',
  DISAGREED: 'Reconcile the two judgements',
  RECONCILED: 'Confirm the outcome',
};

function presentCohortMember(p: CohortProgramme) {
  return {
    ...p,
    statusText: p.status
      .replace(/_/g, ' ')
      .toLowerCase()
      .replace(/^./, (c) => c.toUpperCase()),
    recommendationText: p.recommendation ? outcomeText(p.recommendation.outcome) : 'None yet',
    secondOpinionText: p.secondOpinion?.outcome ? outcomeText(p.secondOpinion.outcome) : null,
    confirmedText: p.confirmation ? outcomeText(p.confirmation.outcome) : null,
    canConfirm: Boolean(p.recommendation) && !p.confirmation,
    confirmLinkText: CONFIRM_LINK_TEXT[p.agreement],
  };
}

/** Refusals the PSW can act on from the form: naming or being one of the people judged too. */
function isAsyeFormError(error: unknown): error is ApiError {
  return isFormError(error) || (error instanceof ApiError && error.domainCode === 'SELF_REVIEW');
}

interface ConfirmationValues {
  comment: string;
  confirmNoIdentifiers: boolean;
  outcome?: AsyeOutcome;
  secondAssessorId?: string;
}

/**
 * The confirmation page: the recommendation and any second opinion side by side, then what can be
 * done next: ask for a second opinion, wait for it, confirm one judgement, or reconcile two.
 */
async function renderConfirmation(
  req: Request,
  res: Response,
  form: { values: ConfirmationValues; errors?: FormErrors; identifiersDetected?: boolean },
): Promise<void> {
  const { asyeCohort } = await req.api(ProgressionAsyeCohortDocument, {});
  const programme = asyeCohort.find((p) => p.id === String(req.params.id));
  if (!programme?.recommendation || programme.confirmation) return res.status(404).render('pages/not-found');
  let candidates: { value: string; text: string; selected: boolean }[] = [];
  if (programme.agreement === 'NOT_ASKED') {
    const { assessors, psws } = await req.api(AsyeSecondAssessorCandidatesDocument, {});
    const excluded = new Set([programme.practitioner.id, programme.assessor.id, req.session.user?.userId]);
    const seen = new Set<string>();
    candidates = [...assessors.nodes, ...psws.nodes]
      .filter((m) => m.active && !excluded.has(m.userId) && !seen.has(m.userId) && seen.add(m.userId))
      .sort((a, b) => a.user.fullName.localeCompare(b.user.fullName))
      .map((m) => ({
        value: m.userId,
        text: m.user.fullName,
        selected: m.userId === form.values.secondAssessorId,
      }));
  }
  res.status(form.errors ? 400 : 200).render('pages/progression/confirm-asye', {
    programme: presentCohortMember(programme),
    candidates,
    ...form,
  });
}
