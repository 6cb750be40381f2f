// A draft's stage: a new one, or an existing one's name, description, PCF level and grade.
import { Router, type Request, type Response } from 'express';
import { PathwayReferenceDataDocument, UpdatePathwayDraftDocument } from '../../data/generated/graphql.js';
import { errorsFor, isFormError, type FormErrors } from '../../forms.js';
import { designWithStage, stageFieldForApiField } from '../../presenters/pathways/designInput.js';
import { draftOrNotFound, notFound, type Pathway, type Version } from './pathwayData.js';

/** A stage as its form holds it; a new stage's key is typed, an existing one's fixed. */
interface StageValues {
  isNew: boolean;
  key: string;
  name: string;
  description: string;
  pcfLevelCode: string;
  typicalGrade: string;
}

export function stageEditorRoutes(): Router {
  const router = Router();

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
      await submitStage(req, res, draft, stored, values);
    } catch (error) {
      next(error);
    }
  });

  return router;
}

async function renderStage(
  req: Request,
  res: Response,
  draft: { pathway: Pathway; version: Version },
  values: StageValues,
  errors?: FormErrors,
): Promise<void> {
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
}

/** Sends the stage to the API as part of the draft's design, or shows what is missing or refused. */
async function submitStage(
  req: Request,
  res: Response,
  draft: { pathway: Pathway; version: Version },
  stored: Version['stages'][number] | undefined,
  values: StageValues,
): Promise<void> {
  const missing = [
    ...(values.key ? [] : [{ field: 'key', text: 'Enter a key for the stage, like SENIOR_PRACTITIONER' }]),
    ...(values.isNew && draft.version.stages.some((s) => s.key === values.key)
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
}
