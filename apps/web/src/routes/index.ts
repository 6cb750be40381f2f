import { Router } from 'express';
import type { Services } from '../services/index.js';
import { adminRoutes } from './admin.js';
import { asyeRoutes } from './asye.js';
import { homeRoutes } from './home.js';
import { notificationsRoutes } from './notifications.js';
import { progressionRoutes } from './progression.js';
import { progressionPractitionerRoutes } from './progressionPractitioner.js';
import { signInRoutes } from './signIn.js';
import { supervisionRoutes } from './supervision.js';

/** One router per journey. */
export function routes(services: Services): Router {
  const router = Router();
  router.use(signInRoutes(services));
  router.use(homeRoutes(services));
  router.use(adminRoutes(services));
  router.use(notificationsRoutes(services));
  router.use(supervisionRoutes(services));
  router.use(asyeRoutes(services));
  router.use(progressionRoutes(services));
  router.use(progressionPractitionerRoutes(services));
  router.get('/accessibility', (_req, res) => res.render('pages/accessibility'));
  return router;
}
