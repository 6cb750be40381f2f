import { Router } from 'express';
import type { Services } from '../services/index.js';
import { adminRoutes } from './admin.js';
import { adminSettingsRoutes } from './adminSettings.js';
import { asyeRoutes } from './asye.js';
import { contributionRoutes } from './contributions.js';
import { downloadRoutes } from './downloads.js';
import { evidenceRoutes } from './evidence.js';
import { homeRoutes } from './home.js';
import { insightRoutes } from './insight.js';
import { disputedSignOffRoutes } from './disputedSignOffs.js';
import { moderationRoutes } from './moderation.js';
import { notificationsRoutes } from './notifications.js';
import { myPractitionersRoutes } from './myPractitioners.js';
import { reviewBatchRoutes } from './reviewBatch.js';
import { reviewRoutes } from './reviews.js';
import { progressionRoutes } from './progression.js';
import { progressionPractitionerRoutes } from './progressionPractitioner.js';
import { pathwaysRoutes } from './pathways/index.js';
import { signInRoutes } from './signIn.js';
import { supervisionRoutes } from './supervision.js';

/** One router per journey. */
export function routes(services: Services): Router {
  const router = Router();
  router.use(signInRoutes(services));
  router.use(homeRoutes(services));
  router.use(adminRoutes(services));
  router.use(adminSettingsRoutes(services));
  router.use(notificationsRoutes(services));
  router.use(supervisionRoutes(services));
  router.use(asyeRoutes(services));
  router.use(reviewRoutes(services));
  router.use(reviewBatchRoutes());
  router.use(myPractitionersRoutes(services));
  router.use(contributionRoutes(services));
  router.use(evidenceRoutes(services));
  router.use(downloadRoutes(services));
  router.use(insightRoutes(services));
  router.use(moderationRoutes(services));
  router.use(disputedSignOffRoutes(services));
  router.use(progressionRoutes(services));
  router.use(progressionPractitionerRoutes(services));
  router.use(pathwaysRoutes());
  router.get('/accessibility', (_req, res) => res.render('pages/accessibility'));
  return router;
}
