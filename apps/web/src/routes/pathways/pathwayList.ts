// The designer's list of pathways, a new pathway from the template, and a new draft of one.
import { Router, type Response } from 'express';
import {
  CreatePathwayDraftDocument,
  CreatePathwayFromTemplateDocument,
  PathwaysDocument,
} from '../../data/generated/graphql.js';
import { errorsFor, isFormError, type FormErrors } from '../../forms.js';
import { STATUS_NAMES } from './pathwayData.js';

const renderNew = (res: Response, name: string, errors?: FormErrors) =>
  res.status(errors ? 400 : 200).render('pages/pathways/new', { name, errors });

export function pathwayListRoutes(): Router {
  const router = Router();

  router.get('/pathways', async (req, res, next) => {
    try {
      const { pathways } = await req.api(PathwaysDocument, {});
      res.render('pages/pathways/index', {
        pathways: pathways.map((p) => ({
          ...p,
          published: p.versions.find((v) => v.status === 'PUBLISHED'),
          draft: p.versions.find((v) => v.status === 'DRAFT'),
          history: p.versions
            .filter((v) => v.status !== 'DRAFT')
            .map((v) => ({ ...v, statusName: STATUS_NAMES[v.status] })),
        })),
      });
    } catch (error) {
      next(error);
    }
  });

  router.get('/pathways/new', (_req, res) => renderNew(res, ''));

  router.post('/pathways/new', async (req, res, next) => {
    const name = String(req.body.name ?? '').trim();
    try {
      if (!name)
        return renderNew(res, name, errorsFor([{ field: 'name', text: 'Enter a name for the pathway' }]));
      let draftId: string | undefined;
      try {
        const { createPathwayFromTemplate } = await req.api(CreatePathwayFromTemplateDocument, {
          input: { name },
        });
        draftId = createPathwayFromTemplate.versions[0]?.id;
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderNew(res, name, errorsFor([{ field: 'name', text: error.message }]));
      }
      req.session.flash = `Pathway ${name} started from the template`;
      res.redirect(303, draftId ? `/pathways/drafts/${draftId}` : '/pathways');
    } catch (error) {
      next(error);
    }
  });

  router.post('/pathways/:pathwayId/drafts', async (req, res, next) => {
    try {
      const { createPathwayDraft } = await req.api(CreatePathwayDraftDocument, {
        input: { pathwayId: req.params.pathwayId },
      });
      req.session.flash = 'Draft started from the newest version';
      res.redirect(303, `/pathways/drafts/${createPathwayDraft.id}`);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
