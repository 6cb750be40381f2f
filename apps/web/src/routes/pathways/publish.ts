// Publishing a draft: what would change for whom (the what-if), then publish on a confirmed tick.
import { Router } from 'express';
import { PathwayWhatIfDocument, PublishPathwayVersionDocument } from '../../data/generated/graphql.js';
import { whatIfRows } from '../../presenters/pathways/whatIf.js';
import { draftOrNotFound, stageNames } from './pathwayData.js';

export function publishRoutes(): Router {
  const router = Router();

  router.get('/pathways/drafts/:versionId/publish', async (req, res, next) => {
    try {
      const { pathway, version } = await draftOrNotFound(req);
      const { pathwayWhatIf } = await req.api(PathwayWhatIfDocument, { versionId: version.id });
      const names = stageNames(version);
      const routeNames = new Map(
        version.routes.map((r) => [r.key, `${names.get(r.fromStageKey)} to ${names.get(r.toStageKey)}`]),
      );
      const rows = whatIfRows(pathwayWhatIf.routes).map((r) => ({
        ...r,
        publishedText: r.published === null ? 'New route' : String(r.published),
        name: routeNames.get(r.routeKey) ?? `${r.routeKey} (only in the published version)`,
      }));
      res.render('pages/pathways/publish', {
        pathway,
        version,
        whatIf: pathwayWhatIf,
        rows,
        gains: rows.filter((r) => r.gained > 0),
        losses: rows.filter((r) => r.lost > 0),
        errors: undefined,
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/pathways/drafts/:versionId/publish', async (req, res, next) => {
    try {
      const { version } = await draftOrNotFound(req);
      if (req.body.confirm !== 'yes') {
        req.session.flash = 'Nothing published: tick the box to confirm';
        return res.redirect(303, `/pathways/drafts/${version.id}/publish`);
      }
      const { publishPathwayVersion } = await req.api(PublishPathwayVersionDocument, {
        input: { versionId: version.id },
      });
      req.session.flash = `Version ${publishPathwayVersion.versionNo} published`;
      res.redirect(303, `/pathways/versions/${publishPathwayVersion.id}`);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
