// A version of a pathway to read: a published or retired one with its criteria, a draft with its ladder.
import { Router } from 'express';
import {
  CRITERION_TYPE_NAMES,
  formFromInput,
  inputFromDocument,
  type CriterionForm,
} from '../../presenters/pathways/criteriaForm.js';
import { draftOrNotFound, findVersion, ladderOf, STATUS_NAMES } from './pathwayData.js';

export function pathwayVersionRoutes(): Router {
  const router = Router();

  router.get('/pathways/versions/:versionId', async (req, res, next) => {
    try {
      const { pathway, version } = await findVersion(req, req.params.versionId);
      if (version.status === 'DRAFT') return res.redirect(303, `/pathways/drafts/${version.id}`);
      res.render('pages/pathways/version', {
        pathway,
        version: { ...version, statusName: STATUS_NAMES[version.status] },
        ladder: ladderOf(version),
        routeCriteria: version.routes.map((r) => ({
          key: r.key,
          lines: criteriaLines(formFromInput(inputFromDocument(r.criteriaDocument))),
        })),
      });
    } catch (error) {
      next(error);
    }
  });

  router.get('/pathways/drafts/:versionId', async (req, res, next) => {
    try {
      const { pathway, version } = await draftOrNotFound(req);
      res.render('pages/pathways/draft', { pathway, version, ladder: ladderOf(version) });
    } catch (error) {
      next(error);
    }
  });

  return router;
}

/** A read-only criteria tree as indented lines, for published and retired versions. */
function criteriaLines(form: CriterionForm, depth = 0): { depth: number; text: string }[] {
  const details = Object.entries(form.values)
    .map(([k, v]) => `${k} ${v}`)
    .concat(Object.entries(form.lists).map(([k, v]) => `${k} ${v.join(', ')}`));
  const text = `${CRITERION_TYPE_NAMES[form.type]}${details.length ? `: ${details.join('; ')}` : ''}`;
  return [{ depth, text }, ...form.children.flatMap((c) => criteriaLines(c, depth + 1))];
}
