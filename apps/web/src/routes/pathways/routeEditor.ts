// A draft's progression route: a new one, or an existing one's mechanism and criteria, edited on one form.
import { Router, type Request, type Response } from 'express';
import {
  PathwayReferenceDataDocument,
  PutPathwayRouteDocument,
  type ProgressionMechanism,
} from '../../data/generated/graphql.js';
import type { ApiError } from '../../data/apiError.js';
import { errorsFor, isFormError, type FormErrors } from '../../forms.js';
import {
  applyFormAction,
  criterionNumber,
  emptyCriterion,
  CRITERION_TYPE_NAMES,
  formFieldForApiField,
  formFromBody,
  formFromInput,
  inputFromDocument,
  inputFromForm,
  type CriterionForm,
  type FormProblem,
} from '../../presenters/pathways/criteriaForm.js';
import { criteriaFormView } from '../../presenters/pathways/criteriaFormView.js';
import {
  draftOrNotFound,
  MECHANISM_NAMES,
  notFound,
  stageNames,
  type Pathway,
  type Version,
} from './pathwayData.js';

/** A route as its form holds it; a new route's key and stages are chosen on the form. */
interface RouteValues {
  isNew: boolean;
  key: string;
  fromStageKey: string;
  toStageKey: string;
  mechanism: string;
  criteria: CriterionForm;
}

export function routeEditorRoutes(): Router {
  const router = Router();

  router.get('/pathways/drafts/:versionId/routes/new', async (req, res, next) => {
    try {
      const draft = await draftOrNotFound(req);
      await renderRoute(req, res, draft, {
        isNew: true,
        key: '',
        fromStageKey: '',
        toStageKey: '',
        mechanism: '',
        criteria: { ...emptyCriterion('ALL_OF'), children: [emptyCriterion('MIN_MONTHS_IN_STAGE')] },
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/pathways/drafts/:versionId/routes/new', async (req, res, next) => {
    try {
      const draft = await draftOrNotFound(req);
      const body = req.body as Record<string, unknown>;
      await submitRoute(req, res, draft, {
        isNew: true,
        key: String(body.key ?? '').trim(),
        fromStageKey: String(body.fromStageKey ?? ''),
        toStageKey: String(body.toStageKey ?? ''),
        mechanism: String(body.mechanism ?? ''),
        criteria: formFromBody(body),
      });
    } catch (error) {
      next(error);
    }
  });

  router.get('/pathways/drafts/:versionId/routes/:routeKey', async (req, res, next) => {
    try {
      const draft = await draftOrNotFound(req);
      const route = draft.version.routes.find((r) => r.key === req.params.routeKey);
      if (!route) throw notFound();
      await renderRoute(req, res, draft, {
        isNew: false,
        ...route,
        criteria: formFromInput(inputFromDocument(route.criteriaDocument)),
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/pathways/drafts/:versionId/routes/:routeKey', async (req, res, next) => {
    try {
      const draft = await draftOrNotFound(req);
      const route = draft.version.routes.find((r) => r.key === req.params.routeKey);
      if (!route) throw notFound();
      const body = req.body as Record<string, unknown>;
      await submitRoute(req, res, draft, {
        isNew: false,
        key: route.key,
        fromStageKey: route.fromStageKey,
        toStageKey: route.toStageKey,
        mechanism: String(body.mechanism ?? route.mechanism),
        criteria: formFromBody(body),
      });
    } catch (error) {
      next(error);
    }
  });

  return router;
}

async function renderRoute(
  req: Request,
  res: Response,
  draft: { pathway: Pathway; version: Version },
  values: RouteValues,
  errors?: FormErrors,
): Promise<void> {
  const { version } = draft;
  const { framework } = await req.api(PathwayReferenceDataDocument, { pcfVersion: version.pcfVersion });
  const names = stageNames(version);
  const stageItems = (selected: string) => [
    { value: '', text: 'Choose a stage' },
    ...version.stages.map((s) => ({ value: s.key, text: s.name, selected: s.key === selected })),
  ];
  res.status(errors ? 400 : 200).render('pages/pathways/route', {
    ...draft,
    route: {
      ...values,
      from: names.get(values.fromStageKey),
      to: names.get(values.toStageKey),
    },
    fromItems: stageItems(values.fromStageKey),
    toItems: stageItems(values.toStageKey),
    mechanismItems: Object.entries(MECHANISM_NAMES).map(([value, text]) => ({
      value,
      text,
      checked: value === values.mechanism,
    })),
    criteria: criteriaFormView(
      values.criteria,
      {
        pcfLevels: framework.levels,
        pcfDomains: framework.items,
        stages: version.stages,
      },
      errors,
    ),
    errors,
  });
}

/** Redraws the form for an add or remove, or sends the route to the API and shows what it refused. */
async function submitRoute(
  req: Request,
  res: Response,
  draft: { pathway: Pathway; version: Version },
  values: RouteValues,
): Promise<void> {
  const body = req.body as Record<string, unknown>;
  const action = String(body.action ?? 'save');
  if (action !== 'save') {
    // Nothing is saved yet: the form comes back with everything typed so far.
    return renderRoute(req, res, draft, {
      ...values,
      criteria: applyFormAction(values.criteria, action, body),
    });
  }
  const { input: criteria, problems } = inputFromForm(values.criteria);
  const missing = values.isNew
    ? [
        ...(values.key
          ? []
          : [{ field: 'key', text: 'Enter a key for the route, like SOCIAL_WORKER_TO_TEAM_MANAGER' }]),
        ...(values.fromStageKey
          ? []
          : [{ field: 'fromStageKey', text: 'Choose the stage the route leaves' }]),
        ...(values.toStageKey ? [] : [{ field: 'toStageKey', text: 'Choose the stage the route reaches' }]),
      ]
    : [];
  if (!values.mechanism) missing.push({ field: 'mechanism', text: 'Choose how the move is decided' });
  if (problems.length > 0 || missing.length > 0)
    return renderRoute(req, res, draft, values, errorsFor([...missing, ...named(problems, values.criteria)]));
  try {
    await req.api(PutPathwayRouteDocument, {
      input: {
        versionId: draft.version.id,
        expectedRevision: Number(body.expectedRevision ?? draft.version.revision),
        route: {
          key: values.key,
          fromStageKey: values.fromStageKey,
          toStageKey: values.toStageKey,
          mechanism: values.mechanism as ProgressionMechanism,
          criteria,
        },
      },
    });
  } catch (error) {
    if (!isFormError(error)) throw error;
    return renderRoute(
      req,
      res,
      draft,
      values,
      errorsFor(named(problemsFrom(error, values.isNew), values.criteria)),
    );
  }
  req.session.flash = `Route ${values.key} saved`;
  res.redirect(303, `/pathways/drafts/${draft.version.id}`);
}

const ROUTE_FIELDS = ['key', 'fromStageKey', 'toStageKey', 'mechanism'];

/**
 * The API's refusal as form problems, each on the field it names; what names no field on the form (a
 * cycle, a route already there) goes to the stages of a new route, or the criteria of one being edited.
 */
function problemsFrom(error: ApiError, isNew: boolean): FormProblem[] {
  const raw =
    error.fields.length > 0
      ? error.fields.map((f) => ({ field: f.field, text: f.messages.join('. ') }))
      : [{ field: error.field ?? '', text: error.message }];
  return raw.map((p) => {
    const field = formFieldForApiField(p.field) ?? '';
    const onForm = ROUTE_FIELDS.includes(field) || /^c(\.|$)/.test(field);
    return { field: onForm ? field : isNew ? 'toStageKey' : 'c.type', text: p.text };
  });
}

/** Starts each message with the criterion it is about, so the error summary says which one. */
function named(problems: FormProblem[], criteria: CriterionForm): FormProblem[] {
  return problems.map((p) => {
    const path = /^c(\.\d+)*/.exec(p.field)?.[0];
    if (!path) return p;
    const steps = path.split('.').slice(1).map(Number);
    let node: CriterionForm | undefined = criteria;
    for (const step of steps) node = node?.children[step];
    const about = node ? ` (${CRITERION_TYPE_NAMES[node.type]})` : '';
    const text = p.text.trim();
    return {
      field: p.field,
      text: `${criterionNumber(path)}${about}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
    };
  });
}
