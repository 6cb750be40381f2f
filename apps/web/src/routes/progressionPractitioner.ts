import { Router, type Request, type Response } from 'express';
import {
  ApplyForRouteDocument,
  IssueCredentialDocument,
  MyCredentialsDocument,
  MyProgressionDocument,
  PublishedPathwayDocument,
  type CredentialKind,
} from '../data/generated/graphql.js';
import { formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { applicationStatusTag, routeName, stageNamer } from '../presenters/progression/applications.js';
import { CREDENTIAL_KIND_NAMES, issuableCredentials } from '../presenters/progression/credentials.js';
import { eligibilityBreakdown } from '../presenters/progression/eligibilityBreakdown.js';
import { presentRoute } from '../presenters/progressionRoutes.js';
import type { Services } from '../services/index.js';
import { isId } from './adminLists.js';
import { noPublishedPathway } from './progression.js';

const CREDENTIAL_KINDS: CredentialKind[] = ['QUALIFICATION', 'STAGE_AWARD', 'EVIDENCE_SIGN_OFF'];

interface ApplyForm {
  routeKey: string;
  statement: string;
  confirmNoIdentifiers: boolean;
  errors: FormErrors;
  identifiersDetected: boolean;
}

/** The practitioner's own progression: where they stand, applying for a route, and their credentials. */
export function progressionPractitionerRoutes(_services: Services): Router {
  const router = Router();

  router.get('/my-progression', (req, res, next) =>
    renderMyProgression(req, res).catch((error: unknown) =>
      noPublishedPathway(error)
        ? res.render('pages/progression/my-progression', { noPathway: true, routes: [], applications: [] })
        : next(error),
    ),
  );

  router.post('/my-progression/apply', async (req, res, next) => {
    const body = req.body as Record<string, unknown>;
    const routeKey = typeof body.routeKey === 'string' ? body.routeKey : '';
    const statement = typeof body.statement === 'string' ? body.statement : '';
    const confirmNoIdentifiers = body.confirmNoIdentifiers === 'yes';
    try {
      await req.api(ApplyForRouteDocument, {
        input: { routeKey, statement: statement.trim() || undefined, confirmNoIdentifiers },
      });
      req.session.flash = 'Your application has been sent. You will hear when it has been decided.';
      res.redirect(303, '/my-progression');
    } catch (error) {
      if (!isFormError(error)) return next(error);
      renderMyProgression(req, res, {
        routeKey,
        statement,
        confirmNoIdentifiers,
        errors: formErrorsFrom(error, 'statement', { statement: 'Your statement' }),
        identifiersDetected: error.domainCode === 'IDENTIFIERS_DETECTED',
      }).catch(next);
    }
  });

  router.get('/my-credentials', async (req, res, next) => {
    try {
      const [{ credentials, qualifications, stageHistory }, { pathways }] = await Promise.all([
        req.api(MyCredentialsDocument, {}),
        req.api(PublishedPathwayDocument, {}),
      ]);
      const stageName = stageNamer(pathways.flatMap((p) => p.published?.stages ?? []));
      const stages = stageHistory.map((s) => ({ ...s, stageName: stageName(s.stageKey) }));
      const describe = new Map<string, string>([
        ...qualifications.map((q) => [q.id, q.title] as [string, string]),
        ...stages.map((s) => [s.id, s.stageName] as [string, string]),
      ]);
      res.render('pages/progression/my-credentials', {
        credentials: credentials.map((c) => ({
          ...c,
          kindName: CREDENTIAL_KIND_NAMES[c.kind],
          about: describe.get(c.sourceId) ?? '',
        })),
        issuable: issuableCredentials(qualifications, stages, credentials).map((i) => ({
          ...i,
          kindName: CREDENTIAL_KIND_NAMES[i.kind],
        })),
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/my-credentials', async (req, res, next) => {
    const body = req.body as Record<string, unknown>;
    const kind = CREDENTIAL_KINDS.find((k) => k === body.kind);
    const sourceId = typeof body.sourceId === 'string' ? body.sourceId : '';
    if (!kind || !isId(sourceId)) return res.status(404).render('pages/not-found');
    try {
      const { issueCredential } = await req.api(IssueCredentialDocument, { input: { kind, sourceId } });
      req.session.flash = `Your credential has been issued. Its verification code is ${issueCredential.verificationCode}.`;
      res.redirect(303, '/my-credentials');
    } catch (error) {
      if (!isFormError(error)) return next(error);
      req.session.flash = error.message;
      res.redirect(303, '/my-credentials');
    }
  });

  return router;
}

async function renderMyProgression(req: Request, res: Response, form?: ApplyForm): Promise<void> {
  const [{ myProgression, progressionApplications }, { pathways }] = await Promise.all([
    req.api(MyProgressionDocument, {}),
    req.api(PublishedPathwayDocument, {}),
  ]);
  const stageName = stageNamer(pathways.flatMap((p) => p.published?.stages ?? []));
  const allRoutes = pathways.flatMap((p) => p.published?.routes ?? []);
  const applications = progressionApplications.nodes;
  res.status(form ? 400 : 200).render('pages/progression/my-progression', {
    asOf: myProgression.asOf,
    currentStages: myProgression.currentStages,
    routes: myProgression.routes.map((route) => {
      const open = applications.find((a) => a.routeKey === route.routeKey && a.status === 'OPEN');
      return {
        ...presentRoute(route),
        mechanism: route.mechanism,
        breakdown: eligibilityBreakdown(route.outcome),
        openApplication: open,
        canApply: route.eligible && !open,
        form: form?.routeKey === route.routeKey ? form : undefined,
      };
    }),
    applications: applications.map((a) => {
      const route = allRoutes.find((r) => r.key === a.routeKey);
      return {
        ...a,
        routeName: route ? routeName(route, stageName) : stageName(a.routeKey),
        tag: applicationStatusTag(a.status),
      };
    }),
    errors: form?.errors,
  });
}
