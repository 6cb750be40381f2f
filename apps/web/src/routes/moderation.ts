import { Router, type Request, type Response } from 'express';
import {
  DrawModerationPackDocument,
  ModerationPacksDocument,
  type ModerationSamplingMethod,
  type ModerationPackFieldsFragment,
} from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { notFound } from '../middleware/errorHandler.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
import type { Services } from '../services/index.js';
import { sendDownload } from './sendDownload.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DrawValues {
  size: string;
  method: string;
  startedFrom: string;
  startedTo: string;
  seed: string;
}

const METHOD_NAMES: Record<ModerationSamplingMethod, string> = {
  RANDOM: 'Random',
  STRATIFIED_BY_ASSESSOR: 'Stratified by assessor',
};

/** How a pack reads in the list: its draw, and its portfolios by label. */
function presentPack(pack: ModerationPackFieldsFragment) {
  const cohort =
    pack.cohortStartedFrom && pack.cohortStartedTo
      ? `ASYEs started ${pack.cohortStartedFrom} to ${pack.cohortStartedTo}`
      : pack.cohortStartedFrom
        ? `ASYEs started on or after ${pack.cohortStartedFrom}`
        : pack.cohortStartedTo
          ? `ASYEs started on or before ${pack.cohortStartedTo}`
          : 'Every ASYE';
  return {
    ...pack,
    methodName: METHOD_NAMES[pack.method],
    cohort,
    drawnOn: String(pack.drawnAt).slice(0, 10),
  };
}

/** Moderation packs (PSWs): draw an anonymised sample of ASYE portfolios, and download its PDFs. */
export function moderationRoutes(services: Services): Router {
  const router = Router();
  const psw = (req: Request) => hasRole(req, 'PRINCIPAL_SOCIAL_WORKER');

  const render = async (req: Request, res: Response, values: DrawValues, errors?: FormErrors) => {
    const { moderationPacks } = await req.api(ModerationPacksDocument, {});
    res.status(errors ? 400 : 200).render('pages/moderation/index', {
      values,
      errors,
      packs: moderationPacks.map(presentPack),
    });
  };

  router.get('/moderation', async (req, res, next) => {
    if (!psw(req)) return notFound(req, res, next);
    try {
      await render(req, res, { size: '', method: 'RANDOM', startedFrom: '', startedTo: '', seed: '' });
    } catch (error) {
      next(error);
    }
  });

  router.post('/moderation', async (req, res, next) => {
    if (!psw(req)) return notFound(req, res, next);
    const values: DrawValues = {
      size: String(req.body.size ?? '').trim(),
      method: String(req.body.method ?? ''),
      startedFrom: String(req.body.startedFrom ?? '').trim(),
      startedTo: String(req.body.startedTo ?? '').trim(),
      seed: String(req.body.seed ?? '').trim(),
    };
    const problems = [
      ...(/^\d{1,4}$/.test(values.size)
        ? []
        : [{ field: 'size', text: 'Enter how many portfolios to draw, as a whole number' }]),
      ...(values.method in METHOD_NAMES ? [] : [{ field: 'method', text: 'Select how to draw the sample' }]),
      ...(values.seed === '' || /^\d{1,10}$/.test(values.seed)
        ? []
        : [{ field: 'seed', text: 'Enter the seed as a whole number, or leave it empty' }]),
    ];
    try {
      if (problems.length) return await render(req, res, values, errorsFor(problems));
      const { drawModerationPack: pack } = await req.api(DrawModerationPackDocument, {
        input: {
          size: Number(values.size),
          method: values.method as ModerationSamplingMethod,
          startedFrom: values.startedFrom || null,
          startedTo: values.startedTo || null,
          seed: values.seed === '' ? null : Number(values.seed),
        },
      });
      req.session.flash = `Sample drawn: ${pack.size} of ${pack.eligibleCount} portfolios, seed ${pack.seed}`;
      res.redirect(303, `/moderation#pack-${pack.id}`);
    } catch (error) {
      if (isFormError(error))
        return render(
          req,
          res,
          values,
          formErrorsFrom(error, 'size', {
            size: 'The number of portfolios',
            startedFrom: 'The first start day',
            startedTo: 'The last start day',
            seed: 'The seed',
          }),
        ).catch(next);
      next(error);
    }
  });

  router.get('/moderation/packs/:packId/portfolios.zip', async (req, res, next) => {
    const packId = String(req.params.packId);
    if (!psw(req) || !UUID.test(packId)) return notFound(req, res, next);
    try {
      sendDownload(
        res,
        await services.http.download(
          `/moderation-packs/${encodeURIComponent(packId)}/portfolios.zip`,
          await req.callContext(),
        ),
      );
    } catch (error) {
      next(error);
    }
  });

  return router;
}
