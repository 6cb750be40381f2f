import { Router } from 'express';
import type { Services } from '../services/index.js';

export function homeRoutes(_services: Services): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.render('pages/home');
  });
  return router;
}
