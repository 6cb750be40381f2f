import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  CreatePathwayDraftDocument,
  CreatePathwayFromTemplateDocument,
  PathwayReferenceDataDocument,
  PathwaysDocument,
  PathwayWhatIfDocument,
  PublishPathwayVersionDocument,
  PutPathwayRouteDocument,
  UpdatePathwayDraftDocument,
  type PathwaysQuery,
  type ProgressionMechanism,
} from '../data/generated/graphql.js';
import { ApiError } from '../data/apiError.js';
import { errorsFor, isFormError, type FormErrors } from '../forms.js';
import { hasRole } from '../middleware/setUpCurrentUser.js';
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
} from '../presenters/pathways/criteriaForm.js';
import { criteriaFormView } from '../presenters/pathways/criteriaFormView.js';
import { designWithStage, stageFieldForApiField } from '../presenters/pathways/designInput.js';
import { ladderSvg } from '../presenters/pathways/ladderSvg.js';
import { whatIfRows } from '../presenters/pathways/whatIf.js';

type Pathway = PathwaysQuery['pathways'][number];
type Version = Pathway['versions'][number];

const MECHANISM_NAMES: Record<ProgressionMechanism, string> = {
  APPRAISAL: 'Agreed in appraisal',
  AUTOMATIC: 'Automatic once the criteria are met',
  PANEL: 'Career progression panel',
  RECRUITMENT: 'Vacancy-led: apply for a post',
};

const STATUS_NAMES = { DRAFT: 'Draft', PUBLISHED: 'Published', RETIRED: 'Retired' } as const;

/** The designer is the PSW's: the API refuses everyone else, so the pages are not offered. */
const requireDesigner: RequestHandler = (req, res, next) =>
  hasRole(req, 'PRINCIPAL_SOCIAL_WORKER') ? next() : res.status(404).render('pages/not-found');

const notFound = (): ApiError => new ApiError('Not found', 'NOT_FOUND', undefined, [], undefined, 404);

async function findVersion(req: Request, versionId: string): Promise<{ pathway: Pathway; version: Version }> {
  const { pathways } = await req.api(PathwaysDocument, {});
  for (const pathway of pathways) {
    const version = pathway.versions.find((v) => v.id === versionId);
    if (version) return { pathway, version };
  }
  throw notFound();
}

const stageNames = (version: Version) => new Map(version.stages.map((s) => [s.key, s.name]));

/** The ladder picture and the same routes as table rows. */
function ladderOf(version: Version) {
  const names = stageNames(version);
  return {
    svg: ladderSvg(version.stages, version.routes, {
      title: `The ladder of version ${version.versionNo}`,
    }),
    routes: version.routes.map((r) => ({
      key: r.key,
      from: names.get(r.fromStageKey) ?? r.fromStageKey,
      to: names.get(r.toStageKey) ?? r.toStageKey,
      mechanism: MECHANISM_NAMES[r.mechanism],
    })),
  };
}

/** A stage as its form holds it; a new stage's key is typed, an existing one's fixed. */
interface StageValues {
  isNew: boolean;
  key: string;
  name: string;
  description: string;
  pcfLevelCode: string;
  typicalGrade: string;
}

/** A route as its form holds it; a new route's key and stages are chosen on the form. */
interface RouteValues {
  isNew: boolean;
  key: string;
  fromStageKey: string;
  toStageKey: string;
  mechanism: string;
  criteria: CriterionForm;
}

export function pathwaysRoutes(): Router {
  const router = Router();
  router.use('/pathways', requireDesigner);

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

  const renderNew = (res: Response, name: string, errors?: FormErrors) =>
    res.status(errors ? 400 : 200).render('pages/pathways/new', { name, errors });

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

  const renderRoute = async (
    req: Request,
    res: Response,
    draft: { pathway: Pathway; version: Version },
    values: RouteValues,
    errors?: FormErrors,
  ): Promise<void> => {
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
  };

  /** Redraws the form for an add or remove, or sends the route to the API and shows what it refused. */
  const submitRoute = async (
    req: Request,
    res: Response,
    draft: { pathway: Pathway; version: Version },
    values: RouteValues,
  ): Promise<void> => {
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
      return renderRoute(
        req,
        res,
        draft,
        values,
        errorsFor([...missing, ...named(problems, values.criteria)]),
      );
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
  };

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

  const renderStage = async (
    req: Request,
    res: Response,
    draft: { pathway: Pathway; version: Version },
    values: StageValues,
    errors?: FormErrors,
  ): Promise<void> => {
    const { framework } = await req.api(PathwayReferenceDataDocument, {
      pcfVersion: draft.version.pcfVersion,
    });
    res.status(errors ? 400 : 200).render('pages/pathways/stage', {
      ...draft,
      stage: values,
      levelItems: [
        { value: '', text: 'None' },
        ...framework.levels.map((l) => ({
          value: l.code,
          text: l.name,
          selected: l.code === values.pcfLevelCode,
        })),
      ],
      errors,
    });
  };

  router.get('/pathways/drafts/:versionId/stages/:stageKey', async (req, res, next) => {
    try {
      const draft = await draftOrNotFound(req);
      const isNew = req.params.stageKey === 'new';
      const stage = draft.version.stages.find((s) => s.key === req.params.stageKey);
      if (!isNew && !stage) throw notFound();
      await renderStage(req, res, draft, {
        isNew,
        key: stage?.key ?? '',
        name: stage?.name ?? '',
        description: stage?.description ?? '',
        pcfLevelCode: stage?.pcfLevelCode ?? '',
        typicalGrade: stage?.typicalGrade ?? '',
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/pathways/drafts/:versionId/stages/:stageKey', async (req, res, next) => {
    try {
      const draft = await draftOrNotFound(req);
      const isNew = req.params.stageKey === 'new';
      const stored = draft.version.stages.find((s) => s.key === req.params.stageKey);
      if (!isNew && !stored) throw notFound();
      const text = (name: string) => String(req.body[name] ?? '').trim();
      const values: StageValues = {
        isNew,
        key: isNew ? text('key') : stored!.key,
        name: text('name'),
        description: text('description'),
        pcfLevelCode: text('pcfLevelCode'),
        typicalGrade: text('typicalGrade'),
      };
      const missing = [
        ...(values.key
          ? []
          : [{ field: 'key', text: 'Enter a key for the stage, like SENIOR_PRACTITIONER' }]),
        ...(isNew && draft.version.stages.some((s) => s.key === values.key)
          ? [{ field: 'key', text: 'The draft already has a stage with this key' }]
          : []),
        ...(values.name ? [] : [{ field: 'name', text: 'Enter the name of the stage' }]),
      ];
      if (missing.length > 0) return await renderStage(req, res, draft, values, errorsFor(missing));
      try {
        await req.api(UpdatePathwayDraftDocument, {
          input: {
            versionId: draft.version.id,
            expectedRevision: Number(req.body.expectedRevision ?? draft.version.revision),
            design: designWithStage(draft.version, {
              key: values.key,
              name: values.name,
              description: values.description,
              pcfLevelCode: values.pcfLevelCode || null,
              pcfPathwayCode: stored?.pcfPathwayCode ?? null,
              typicalGrade: values.typicalGrade || null,
            }),
          },
        });
      } catch (error) {
        if (!isFormError(error)) throw error;
        const problems =
          error.fields.length > 0
            ? error.fields.map((f) => ({
                field: stageFieldForApiField(f.field),
                text: f.messages.join('. '),
              }))
            : [{ field: stageFieldForApiField(error.field), text: error.message }];
        return await renderStage(req, res, draft, values, errorsFor(problems));
      }
      req.session.flash = `Stage ${values.name} saved`;
      res.redirect(303, `/pathways/drafts/${draft.version.id}`);
    } catch (error) {
      next(error);
    }
  });

  router.get('/pathways/drafts/:versionId/publish', async (req, res, next) => {
    try {
      const { pathway, version } = await draftOrNotFound(req);
      const { pathwayWhatIf } = await req.api(PathwayWhatIfDocument, { versionId: version.id });
      const names = stageNames(version);
      const routeNames = new Map(
        version.routes.map((r) => [r.key, `${names.get(r.fromStageKey)} to ${names.get(r.toStageKey)}`]),
      );
      const rows = whatIfRows(pathwayWhatIf.routes).map((r) => ({
        ...r,
        publishedText: r.published === null ? 'New route' : String(r.published),
        name: routeNames.get(r.routeKey) ?? `${r.routeKey} (only in the published version)`,
      }));
      res.render('pages/pathways/publish', {
        pathway,
        version,
        whatIf: pathwayWhatIf,
        rows,
        gains: rows.filter((r) => r.gained > 0),
        losses: rows.filter((r) => r.lost > 0),
        errors: undefined,
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/pathways/drafts/:versionId/publish', async (req, res, next) => {
    try {
      const { version } = await draftOrNotFound(req);
      if (req.body.confirm !== 'yes') {
        req.session.flash = 'Nothing published: tick the box to confirm';
        return res.redirect(303, `/pathways/drafts/${version.id}/publish`);
      }
      const { publishPathwayVersion } = await req.api(PublishPathwayVersionDocument, {
        input: { versionId: version.id },
      });
      req.session.flash = `Version ${publishPathwayVersion.versionNo} published`;
      res.redirect(303, `/pathways/versions/${publishPathwayVersion.id}`);
    } catch (error) {
      next(error);
    }
  });

  return router;
}

async function draftOrNotFound(req: Request): Promise<{ pathway: Pathway; version: Version }> {
  const found = await findVersion(req, String(req.params.versionId));
  if (found.version.status !== 'DRAFT') throw notFound();
  return found;
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

/** A read-only criteria tree as indented lines, for published and retired versions. */
function criteriaLines(form: CriterionForm, depth = 0): { depth: number; text: string }[] {
  const details = Object.entries(form.values)
    .map(([k, v]) => `${k} ${v}`)
    .concat(Object.entries(form.lists).map(([k, v]) => `${k} ${v.join(', ')}`));
  const text = `${CRITERION_TYPE_NAMES[form.type]}${details.length ? `: ${details.join('; ')}` : ''}`;
  return [{ depth, text }, ...form.children.flatMap((c) => criteriaLines(c, depth + 1))];
}
