import { Router, type Request } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  MyAsyeProgrammeDocument,
  MyCpdComplianceDocument,
  MyPortfolioAtAGlanceDocument,
  MyProgressionRoutesDocument,
} from '../data/generated/graphql.js';
import { nextReviewPointSentence, asyeStatusText } from '../presenters/asyeProgress.js';
import { coverageHeatMap, SHADE_KEY } from '../presenters/coverageHeatMap.js';
import { presentCpdStanding } from '../presenters/cpdStanding.js';
import { presentRoute } from '../presenters/progressionRoutes.js';
import { navigationFor } from '../middleware/setUpCurrentUser.js';
import type { Services } from '../services/index.js';

/**
 * An answer, or null when the API says this person has none (no regulator, no published pathway,
 * not a practitioner on it, not in the ASYE), noting which in `absent` so the page can say so
 * plainly. Any other failure still goes to the error page.
 */
async function unlessAbsent<T>(
  answer: Promise<T>,
  absentWhen: string[],
  absent: string[],
): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ApiError && error.domainCode && absentWhen.includes(error.domainCode)) {
      absent.push(error.domainCode);
      return null;
    }
    throw error;
  }
}

/** The four questions behind "Where I stand", asked at once: four API calls, in parallel. */
export async function whereIStand(req: Request) {
  const absent: string[] = [];
  const [cpd, progression, portfolio, asye] = await Promise.all([
    unlessAbsent(req.api(MyCpdComplianceDocument, {}), ['REGULATOR_REQUIRED'], absent),
    unlessAbsent(req.api(MyProgressionRoutesDocument, {}), ['PATHWAY_NOT_FOUND', 'USER_NOT_FOUND'], absent),
    req.api(MyPortfolioAtAGlanceDocument, {}),
    unlessAbsent(req.api(MyAsyeProgrammeDocument, {}), ['ASYE_NOT_FOUND'], absent),
  ]);
  return { cpd, progression, portfolio, asye, absent: absent.sort() };
}

export function homeRoutes(_services: Services): Router {
  const router = Router();
  router.get('/', async (req, res, next) => {
    try {
      const { cpd, progression, portfolio, asye, absent } = await whereIStand(req);
      const inAsye = asye !== null && ['IN_PROGRESS', 'PAUSED'].includes(asye.asyeProgramme.status);
      req.session.inAsye = inAsye;
      res.render('pages/home', {
        cpd: cpd && presentCpdStanding(cpd.cpdCompliance),
        notOnThePathway: absent.includes('USER_NOT_FOUND'),
        progression: progression && {
          currentStages: progression.myProgression.currentStages.map((s) => s.name),
          routes: progression.myProgression.routes.map(presentRoute),
        },
        heatMap: coverageHeatMap(portfolio.pcf.domains, portfolio.pcf.levels, portfolio.coverage.cells),
        shadeKey: SHADE_KEY,
        drafts: portfolio.drafts,
        waitingForReview: portfolio.waitingForReview,
        changesRequested: portfolio.changesRequested,
        asye: asye && {
          status: asyeStatusText(asye.asyeProgramme.status),
          nextReviewPoint: nextReviewPointSentence(asye.asyeProgramme.reviewPoints),
        },
        // The nav was drawn before this page learnt whether they are in the ASYE.
        navigation: navigationFor(req.session.user?.roles ?? [], req.path, { inAsye }),
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
