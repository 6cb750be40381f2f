import { Router } from 'express';
import { MySupervisionDocument } from '../data/generated/graphql.js';
import { formatMinutes, frequencyText, supervisionHeadline } from '../presenters/supervisionStanding.js';
import type { Services } from '../services/index.js';

export function supervisionRoutes(_services: Services): Router {
  const router = Router();
  router.get('/supervision', async (req, res, next) => {
    try {
      const { supervisionStatus: status, supervisions } = await req.api(MySupervisionDocument, {});
      res.render('pages/supervision/index', {
        status,
        headline: supervisionHeadline(status),
        frequency: frequencyText(status.every),
        sessions: supervisions.map((s) => ({ ...s, duration: formatMinutes(s.durationMinutes) })),
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
