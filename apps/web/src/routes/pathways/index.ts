// The pathway designer, the PSW's journey: one router per part of it, all under /pathways.
import { Router, type RequestHandler } from 'express';
import { hasRole } from '../../middleware/setUpCurrentUser.js';
import { pathwayListRoutes } from './pathwayList.js';
import { pathwayVersionRoutes } from './pathwayVersion.js';
import { publishRoutes } from './publish.js';
import { removalRoutes } from './removal.js';
import { routeEditorRoutes } from './routeEditor.js';
import { stageEditorRoutes } from './stageEditor.js';

/** The designer is the PSW's: the API refuses everyone else, so the pages are not offered. */
const requireDesigner: RequestHandler = (req, res, next) =>
  hasRole(req, 'PRINCIPAL_SOCIAL_WORKER') ? next() : res.status(404).render('pages/not-found');

export function pathwaysRoutes(): Router {
  const router = Router();
  router.use('/pathways', requireDesigner);
  router.use(pathwayListRoutes());
  router.use(pathwayVersionRoutes());
  router.use(removalRoutes());
  router.use(routeEditorRoutes());
  router.use(stageEditorRoutes());
  router.use(publishRoutes());
  return router;
}
