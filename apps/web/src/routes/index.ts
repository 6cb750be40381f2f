import { Router } from 'express';
import type { Services } from '../services/index.js';
import { evidenceRoutes } from './evidence.js';
import { homeRoutes } from './home.js';
import { signInRoutes } from './signIn.js';

/** One router per journey. */
export function routes(services: Services): Router {
  const router = Router();
  router.use(signInRoutes(services));
  router.use(homeRoutes(services));
  router.use(evidenceRoutes(services));
  router.get('/accessibility', (_req, res) => res.render('pages/accessibility'));
  return router;
}
