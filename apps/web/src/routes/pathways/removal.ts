// Removing a stage or a route from a draft: a page that says what goes, then the draft's design
// without it. A stage goes only once no route leads to or from it, and published versions never change.
import { Router, type Request, type Response } from 'express';
import { UpdatePathwayDraftDocument, type PathwayDesignInput } from '../../data/generated/graphql.js';
import { errorsFor, isFormError, type FormErrors } from '../../forms.js';
import { designWithoutRoute, designWithoutStage } from '../../presenters/pathways/designInput.js';
import { draftOrNotFound, notFound, stageNames, type Pathway, type Version } from './pathwayData.js';

interface Removal {
  what: 'stage' | 'route';
  name: string;
  action: string;
  /** Routes that must go first, for a stage still in use. */
  blockedBy: { key: string; name: string }[];
}

export function removalRoutes(): Router {
  const router = Router();

  router.get('/pathways/drafts/:versionId/stages/:stageKey/remove', (req, res, next) =>
    stageRemoval(req)
      .then(({ draft, removal }) => render(res, draft, removal))
      .catch(next),
  );

  router.post('/pathways/drafts/:versionId/stages/:stageKey/remove', async (req, res, next) => {
    try {
      const { draft, removal } = await stageRemoval(req);
      const result = designWithoutStage(draft.version, String(req.params.stageKey));
      if ('blockedBy' in result) return render(res, draft, removal);
      await remove(req, res, draft, removal, result.design);
    } catch (error) {
      next(error);
    }
  });

  router.get('/pathways/drafts/:versionId/routes/:routeKey/remove', (req, res, next) =>
    routeRemoval(req)
      .then(({ draft, removal }) => render(res, draft, removal))
      .catch(next),
  );

  router.post('/pathways/drafts/:versionId/routes/:routeKey/remove', async (req, res, next) => {
    try {
      const { draft, removal } = await routeRemoval(req);
      await remove(req, res, draft, removal, designWithoutRoute(draft.version, String(req.params.routeKey)));
    } catch (error) {
      next(error);
    }
  });

  return router;
}

type Draft = { pathway: Pathway; version: Version };

const routeName = (version: Version, route: Version['routes'][number]) => {
  const names = stageNames(version);
  return `${names.get(route.fromStageKey) ?? route.fromStageKey} to ${names.get(route.toStageKey) ?? route.toStageKey}`;
};

async function stageRemoval(req: Request): Promise<{ draft: Draft; removal: Removal }> {
  const draft = await draftOrNotFound(req);
  const stage = draft.version.stages.find((s) => s.key === req.params.stageKey);
  if (!stage) throw notFound();
  const result = designWithoutStage(draft.version, stage.key);
  const blockedBy =
    'blockedBy' in result
      ? draft.version.routes
          .filter((r) => result.blockedBy.includes(r.key))
          .map((r) => ({ key: r.key, name: routeName(draft.version, r) }))
      : [];
  return {
    draft,
    removal: {
      what: 'stage',
      name: stage.name,
      action: `/pathways/drafts/${draft.version.id}/stages/${stage.key}/remove`,
      blockedBy,
    },
  };
}

async function routeRemoval(req: Request): Promise<{ draft: Draft; removal: Removal }> {
  const draft = await draftOrNotFound(req);
  const route = draft.version.routes.find((r) => r.key === req.params.routeKey);
  if (!route) throw notFound();
  return {
    draft,
    removal: {
      what: 'route',
      name: routeName(draft.version, route),
      action: `/pathways/drafts/${draft.version.id}/routes/${route.key}/remove`,
      blockedBy: [],
    },
  };
}

function render(res: Response, draft: Draft, removal: Removal, errors?: FormErrors): void {
  res.status(errors ? 400 : 200).render('pages/pathways/remove', { ...draft, removal, errors });
}

/** Saves the design without it; an edit by someone else meanwhile, or any refusal, is shown on the page. */
async function remove(
  req: Request,
  res: Response,
  draft: Draft,
  removal: Removal,
  design: PathwayDesignInput,
): Promise<void> {
  try {
    await req.api(UpdatePathwayDraftDocument, {
      input: {
        versionId: draft.version.id,
        expectedRevision: Number(req.body.expectedRevision ?? draft.version.revision),
        design,
      },
    });
  } catch (error) {
    if (!isFormError(error)) throw error;
    return render(res, draft, removal, errorsFor([{ field: 'remove', text: error.message }]));
  }
  req.session.flash = `The ${removal.what} ${removal.name} was removed from the draft`;
  res.redirect(303, `/pathways/drafts/${draft.version.id}`);
}
