import { Router } from 'express';
import { ApiError } from '../data/apiError.js';
import { MyAsyeProgrammeDocument } from '../data/generated/graphql.js';
import {
  asyeStatusText,
  evidenceKindName,
  presentReviewPoint,
  protectedTimeSentence,
} from '../presenters/asyeProgress.js';
import type { Services } from '../services/index.js';

export function asyeRoutes(_services: Services): Router {
  const router = Router();
  router.get('/asye', async (req, res, next) => {
    try {
      const { asyeProgramme: asye } = await req.api(MyAsyeProgrammeDocument, {});
      res.render('pages/asye/index', {
        asye,
        status: asyeStatusText(asye.status),
        reviewPoints: asye.reviewPoints.map((p) => ({ ...p, ...presentReviewPoint(p) })),
        evidence: asye.evidence.map((e) => ({ ...e, name: evidenceKindName(e.kind) })),
        protectedTime: protectedTimeSentence(asye.protectedTime),
      });
    } catch (error) {
      // Not in the ASYE is an answer, not a fault: say so on the page itself.
      if (error instanceof ApiError && error.domainCode === 'ASYE_NOT_FOUND')
        return res.render('pages/asye/not-in-asye');
      next(error);
    }
  });
  return router;
}
