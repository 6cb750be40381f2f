import { Router, type Request } from 'express';
import { WorkforceInsightDocument, type WorkforceInsightQueryVariables } from '../data/generated/graphql.js';
import { formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { notFound } from '../middleware/errorHandler.js';
import { hasRole, INSIGHT_ROLES } from '../middleware/setUpCurrentUser.js';
import {
  insightFilterErrors,
  insightFiltersFrom,
  insightQueryString,
  insightVariables,
  type InsightFilters,
} from '../presenters/insight/insightFilters.js';
import {
  insightPart,
  insightParts,
  isPartKey,
  PART_KEYS,
  type PartKey,
} from '../presenters/insight/insightParts.js';
import { insightTableCsv } from '../presenters/insight/insightTable.js';
import type { Services } from '../services/index.js';

/** Every part switched off, so a request asks for exactly the parts named. */
const NO_PARTS = Object.fromEntries(PART_KEYS.map((k) => [k, false])) as Record<PartKey, boolean>;

/** The pipeline names its routes by their stages, so its download asks for the stages too (cheap). */
const PARTS_NEEDED: Partial<Record<PartKey, PartKey[]>> = { pipeline: ['pipeline', 'stages'] };

function variables(
  filters: InsightFilters,
  parts: readonly PartKey[],
  teams: boolean,
): WorkforceInsightQueryVariables {
  return {
    ...insightVariables(filters),
    ...NO_PARTS,
    ...Object.fromEntries(parts.map((p) => [p, true])),
    teams,
  };
}

/** Workforce insight for PSWs and administrators: one request for the whole dashboard, one per CSV. */
export function insightRoutes(_services: Services): Router {
  const router = Router();

  router.get('/insight', async (req, res, next) => {
    if (!hasRole(req, ...INSIGHT_ROLES)) return notFound(req, res, next);
    const filters = insightFiltersFrom(req.query);
    const render = (locals: Record<string, unknown>) =>
      res.render('pages/insight/index', { filters, partKeys: PART_KEYS, ...locals });
    try {
      const invalid = insightFilterErrors(filters);
      if (invalid) return await renderFiltersOnly(req, filters, invalid, render);
      const data = await req.api(WorkforceInsightDocument, variables(filters, PART_KEYS, true));
      const scope = data.workforceInsight.scope;
      render({
        teams: data.teams?.nodes ?? [],
        scope,
        parts: insightParts(data.workforceInsight),
        csvQuery: insightQueryString({ ...filters, from: scope.from, to: scope.to }),
        formValues: { ...filters, from: filters.from || scope.from, to: filters.to || scope.to },
      });
    } catch (error) {
      if (isFormError(error))
        return renderFiltersOnly(req, filters, formErrorsFrom(error, 'teamId'), render).catch(next);
      next(error);
    }
  });

  router.get('/insight/:file', async (req, res, next) => {
    const key = req.params.file.replace(/\.csv$/, '');
    if (!req.params.file.endsWith('.csv') || !isPartKey(key) || !hasRole(req, ...INSIGHT_ROLES))
      return notFound(req, res, next);
    const filters = insightFiltersFrom(req.query);
    if (insightFilterErrors(filters)) return res.redirect(303, `/insight${insightQueryString(filters)}`);
    try {
      const data = await req.api(
        WorkforceInsightDocument,
        variables(filters, PARTS_NEEDED[key] ?? [key], false),
      );
      const { scope } = data.workforceInsight;
      const part = insightPart(key, data.workforceInsight);
      const table = part.table ?? { caption: part.heading, head: ['Summary'], rows: [[part.summary]] };
      const name = `workforce-insight-${key}-${scope.from}-to-${scope.to}.csv`;
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${name}"`);
      res.setHeader('cache-control', 'private, no-store');
      insightTableCsv(table).on('error', next).pipe(res);
    } catch (error) {
      if (isFormError(error)) return res.redirect(303, `/insight${insightQueryString(filters)}`);
      next(error);
    }
  });

  return router;
}

/** A filter the person must fix: the form with its errors, and the teams to choose from (no figures). */
async function renderFiltersOnly(
  req: Request,
  filters: InsightFilters,
  errors: FormErrors,
  render: (locals: Record<string, unknown>) => void,
): Promise<void> {
  const data = await req.api(WorkforceInsightDocument, { ...NO_PARTS, teams: true });
  render({ teams: data.teams?.nodes ?? [], errors, parts: [], formValues: filters });
}
