import { Router } from 'express';
import type { Services } from '../services/index.js';
import { homeRoutes } from './home.js';
import { myPractitionersRoutes } from './myPractitioners.js';
import { reviewRoutes } from './reviews.js';
import { signInRoutes } from './signIn.js';

/** One router per journey. */
export function routes(services: Services): Router {
  const router = Router();
  router.use(signInRoutes(services));
  router.use(homeRoutes(services));
  router.use(reviewRoutes(services));
  router.use(myPractitionersRoutes(services));
  router.get('/accessibility', (_req, res) => res.render('pages/accessibility'));
  return router;
}
