import { Router, type Request, type Response } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  AsyeSecondOpinionRequestsDocument,
  MyAsyeProgrammeDocument,
  RecordAsyeSecondOpinionDocument,
  type AsyeOutcome,
} from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import {
  asyeStatusText,
  evidenceKindName,
  presentReviewPoint,
  protectedTimeSentence,
} from '../presenters/asyeProgress.js';
import type { Services } from '../services/index.js';
import { isId } from './adminLists.js';

const OUTCOMES: AsyeOutcome[] = ['PASS', 'FAIL'];

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

  // The second assessor's pages: the ASYEs they were asked about, and their own judgement of one.
  router.get('/second-opinions', async (req, res, next) => {
    try {
      const { asyeSecondOpinionRequests } = await req.api(AsyeSecondOpinionRequestsDocument, {});
      res.render('pages/asye/second-opinions', { requests: asyeSecondOpinionRequests });
    } catch (error) {
      next(error);
    }
  });

  router.get('/second-opinions/:id', (req, res, next) =>
    renderSecondOpinion(req, res, { values: { reasons: '', confirmNoIdentifiers: false } }).catch(next),
  );

  router.post('/second-opinions/:id', async (req, res, next) => {
    const body = req.body as Record<string, unknown>;
    const values: SecondOpinionValues = {
      outcome: OUTCOMES.find((o) => o === body.outcome),
      reasons: typeof body.reasons === 'string' ? body.reasons : '',
      confirmNoIdentifiers: body.confirmNoIdentifiers === 'yes',
    };
    if (!values.outcome) {
      return renderSecondOpinion(req, res, {
        values,
        errors: errorsFor([{ field: 'outcome', text: 'Choose pass or fail' }]),
      }).catch(next);
    }
    try {
      await req.api(RecordAsyeSecondOpinionDocument, {
        input: {
          programmeId: String(req.params.id),
          outcome: values.outcome,
          reasons: values.reasons,
          confirmNoIdentifiers: values.confirmNoIdentifiers,
        },
      });
      req.session.flash =
        'You recorded your second opinion. It is kept beside the assessor’s recommendation.';
      res.redirect(303, '/second-opinions');
    } catch (error) {
      if (!isFormError(error)) return next(error);
      renderSecondOpinion(req, res, {
        values,
        errors: formErrorsFrom(error, 'reasons', { reasons: 'Your reasons', outcome: 'Outcome' }),
        identifiersDetected: error.domainCode === 'IDENTIFIERS_DETECTED',
      }).catch(next);
    }
  });
  return router;
}

interface SecondOpinionValues {
  outcome?: AsyeOutcome;
  reasons: string;
  confirmNoIdentifiers: boolean;
}

async function renderSecondOpinion(
  req: Request,
  res: Response,
  form: { values: SecondOpinionValues; errors?: FormErrors; identifiersDetected?: boolean },
): Promise<void> {
  const id = String(req.params.id);
  const { asyeSecondOpinionRequests } = isId(id)
    ? await req.api(AsyeSecondOpinionRequestsDocument, {})
    : { asyeSecondOpinionRequests: [] };
  const request = asyeSecondOpinionRequests.find((r) => r.id === id);
  if (!request?.recommendation) return res.status(404).render('pages/not-found');
  res.status(form.errors ? 400 : 200).render('pages/asye/second-opinion', { request, ...form });
}
