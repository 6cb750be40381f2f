import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { ApiError } from '../data/apiError.js';
import {
  ContributionRequestsDocument,
  CreateEvidenceDocument,
  EvidencePieceDocument,
  MappingTargetsDocument,
  MyPortfolioDocument,
  MyReviewersDocument,
  RemoveAttachmentDocument,
  SubmitEvidenceDocument,
  UpdateEvidenceDocument,
  WithdrawEvidenceDocument,
  type AssessmentContext,
  type EvidencePieceQuery,
  type EvidenceVersionFieldsFragment,
} from '../data/generated/graphql.js';
import { errorsFor, isFormError, type FormErrors } from '../forms.js';
import { checkCsrf } from '../middleware/setUpCsrf.js';
import {
  autosaveValues,
  checkEvidenceForm,
  createEvidenceInputFrom,
  EMPTY_MAPPING,
  evidenceFormValuesFrom,
  evidenceFormValuesOf,
  newEvidenceFormValues,
  updateEvidenceInputFrom,
  type EvidenceFormValues,
} from '../presenters/evidenceForm.js';
import {
  evidenceFieldOf,
  evidenceFormErrors,
  identifierNoticesByField,
  localFormErrors,
} from '../presenters/evidenceFormErrors.js';
import {
  CPD_ACTIVITY_TYPES,
  EVIDENCE_KINDS,
  STATUS_FILTERS,
  capacityName,
  cpdActivityTypeName,
  isEvidenceStatus,
  kindName,
  mappingDecisionText,
  mappingPicker,
  reviewerChoices,
  sizeText,
  statusTag,
  ukToday,
} from '../presenters/evidencePresentation.js';
import { contributorRoleName, linkStateTag, originText } from '../presenters/contributions.js';
import type { Services } from '../services/index.js';
import { sendDownload } from './sendDownload.js';
import { pageLinks, pageRequest } from '../presenters/paging.js';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A little above the API's default limit: the API refuses anything larger with its own message. */
const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  defParamCharset: 'utf8',
}).single('file');

const presenters = {
  statusTag,
  kindName,
  cpdActivityTypeName,
  mappingDecisionText,
  sizeText,
  capacityName,
  contributorRoleName,
  linkStateTag,
  originText,
};

/** Warned fields the person has not yet confirmed, as inline notices. */
function noticesOf(version: EvidenceVersionFieldsFragment | undefined) {
  return version && !version.identifiersConfirmed ? identifierNoticesByField(version.identifierWarnings) : {};
}

/** The practitioner's evidence journeys: list, record and edit (with autosave), attach, submit, download. */
export function evidenceRoutes(services: Services): Router {
  const router = Router();

  const targets = async (req: Request) =>
    mappingPicker((await req.api(MappingTargetsDocument, {})).frameworks);
  const loadPiece = async (req: Request, id: string) =>
    (await req.api(EvidencePieceDocument, { id })).evidence;

  router.param('id', (_req, res, next, id: string) =>
    UUID.test(id) ? next() : res.status(404).render('pages/not-found'),
  );

  router.get('/evidence', async (req: Request, res: Response) => {
    const status = isEvidenceStatus(req.query.status) ? req.query.status : undefined;
    const page = pageRequest(req.query, PAGE_SIZE);
    const { portfolio } = await req.api(MyPortfolioDocument, { ...page, status });
    res.render('pages/evidence/list', {
      pieces: portfolio.nodes,
      status: status ?? '',
      statusItems: STATUS_FILTERS.map((f) => ({ ...f, selected: f.value === (status ?? '') })),
      pages: pageLinks(
        portfolio.pageInfo,
        page,
        (cursor) => `/evidence?${new URLSearchParams({ ...(status ? { status } : {}), ...cursor })}`,
      ),
      ...presenters,
    });
  });

  const renderForm = async (
    req: Request,
    res: Response,
    options: {
      values: EvidenceFormValues;
      current?: EvidenceVersionFieldsFragment;
      errors?: FormErrors;
      status?: number;
    },
  ) => {
    const { values, current } = options;
    const isNew = !current;
    const id = current?.evidenceId;
    res.status(options.status ?? 200).render('pages/evidence/form', {
      values: { ...values, mappings: values.mappings.length ? values.mappings : [EMPTY_MAPPING] },
      current,
      isNew,
      picker: await targets(req),
      errors: options.errors,
      notices: noticesOf(current),
      formAction: isNew ? '/evidence/new' : `/evidence/${id}/edit`,
      autosaveUrl: isNew ? '/evidence/new/autosave' : `/evidence/${id}/autosave`,
      kinds: EVIDENCE_KINDS,
      cpdTypes: CPD_ACTIVITY_TYPES,
      ...presenters,
    });
  };

  /** "Add another mapping" and "Remove": the form comes back with everything typed and one row more or less. */
  const changeMappingRows = (values: EvidenceFormValues, action: string): boolean => {
    if (action === 'add-mapping') {
      values.mappings.push({ ...EMPTY_MAPPING });
      return true;
    }
    const remove = /^remove-mapping-(\d+)$/.exec(action);
    if (remove) {
      values.mappings.splice(Number(remove[1]), 1);
      return true;
    }
    return false;
  };

  /** Where a saved draft goes: back to its form while a likely identifier is unconfirmed, else its page. */
  const afterSave = (req: Request, res: Response, saved: EvidenceVersionFieldsFragment) => {
    if (saved.identifierWarnings.length > 0 && !saved.identifiersConfirmed) {
      req.session.flash = 'Draft saved. Check the fields marked below before you submit it';
      return res.redirect(303, `/evidence/${saved.evidenceId}/edit`);
    }
    req.session.flash = 'Evidence saved as a draft';
    res.redirect(303, `/evidence/${saved.evidenceId}`);
  };

  router.get('/evidence/new', async (req: Request, res: Response) =>
    renderForm(req, res, { values: newEvidenceFormValues() }),
  );

  router.post('/evidence/new', async (req: Request, res: Response) => {
    const values = evidenceFormValuesFrom(req.body);
    if (changeMappingRows(values, String(req.body.action ?? ''))) return renderForm(req, res, { values });
    const problems = checkEvidenceForm(values, true);
    if (problems.length)
      return renderForm(req, res, { values, errors: localFormErrors(problems), status: 400 });
    try {
      const picker = await targets(req);
      const { createEvidence } = await req.api(CreateEvidenceDocument, {
        input: createEvidenceInputFrom(values, picker.levelled),
      });
      return afterSave(req, res, createEvidence);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return renderForm(req, res, { values, errors: evidenceFormErrors(error), status: 400 });
    }
  });

  /** Saves whatever is typed as a draft (the timeout warning calls it), answering where the draft now lives. */
  const autosave = async (req: Request, res: Response, routeId: string | undefined) => {
    const typed = evidenceFormValuesFrom(req.body);
    const id = routeId ?? (UUID.test(typed.evidenceId) ? typed.evidenceId : undefined);
    const values = autosaveValues(typed, ukToday());
    if (!values) return res.status(422).json({ saved: false });
    try {
      const { levelled } = await targets(req);
      const saved = id
        ? (
            await req.api(UpdateEvidenceDocument, {
              input: {
                ...updateEvidenceInputFrom({ ...values, evidenceId: id }, levelled, []),
                confirmNoIdentifiers: undefined,
              },
            })
          ).updateEvidence
        : (await req.api(CreateEvidenceDocument, { input: createEvidenceInputFrom(values, levelled) }))
            .createEvidence;
      const base = `/evidence/${saved.evidenceId}`;
      res.json({
        saved: true,
        evidenceId: saved.evidenceId,
        revision: saved.revision,
        editUrl: `${base}/edit`,
        autosaveUrl: `${base}/autosave`,
        formAction: `${base}/edit`,
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      res.status(422).json({ saved: false });
    }
  };

  router.post('/evidence/new/autosave', (req: Request, res: Response) => autosave(req, res, undefined));
  router.post('/evidence/:id/autosave', (req: Request, res: Response) =>
    autosave(req, res, req.params.id as string),
  );

  router.get('/evidence/:id/edit', async (req: Request, res: Response) => {
    const piece = await loadPiece(req, req.params.id as string);
    if (piece.current.status === 'SUBMITTED') return res.redirect(303, `/evidence/${piece.id}`);
    return renderForm(req, res, { values: evidenceFormValuesOf(piece.current), current: piece.current });
  });

  router.post('/evidence/:id/edit', async (req: Request, res: Response) => {
    const piece = await loadPiece(req, req.params.id as string);
    const current = piece.current;
    const values = { ...evidenceFormValuesFrom(req.body), evidenceId: piece.id, kind: current.kind };
    if (changeMappingRows(values, String(req.body.action ?? '')))
      return renderForm(req, res, { values, current });
    const problems = checkEvidenceForm(values, false);
    if (problems.length)
      return renderForm(req, res, { values, current, errors: localFormErrors(problems), status: 400 });
    const warned = current.identifiersConfirmed
      ? []
      : Object.keys(identifierNoticesByField(current.identifierWarnings));
    try {
      const picker = await targets(req);
      const { updateEvidence } = await req.api(UpdateEvidenceDocument, {
        input: updateEvidenceInputFrom(values, picker.levelled, warned),
      });
      return afterSave(req, res, updateEvidence);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return renderForm(req, res, { values, current, errors: evidenceFormErrors(error), status: 400 });
    }
  });

  const renderPiece = async (
    req: Request,
    res: Response,
    piece: EvidencePieceQuery['evidence'],
    options: { errors?: FormErrors; values?: Record<string, string>; status?: number } = {},
  ) => {
    const me = req.session.user!.userId;
    const mine = piece.owner.id === me;
    const canSubmit =
      mine && (piece.current.status === 'DRAFT' || piece.current.status === 'CHANGES_REQUESTED');
    const [relationships, picker, requests] = await Promise.all([
      canSubmit
        ? req.api(MyReviewersDocument, { practitionerUserId: me, activeOn: ukToday() })
        : Promise.resolve(undefined),
      targets(req),
      mine ? req.api(ContributionRequestsDocument, { evidenceId: piece.id }) : Promise.resolve(undefined),
    ]);
    const reviewers = relationships ? reviewerChoices(relationships.assessorRelationships.nodes) : [];
    const frameworkNames = new Map(
      picker.items.flatMap((g) =>
        g.options.map((o) => [o.value.split('|').slice(0, 2).join('|'), g.label] as const),
      ),
    );
    res.status(options.status ?? 200).render('pages/evidence/show', {
      piece,
      current: piece.current,
      mine,
      canSubmit,
      canEdit: mine && piece.current.status !== 'SUBMITTED',
      reviewers,
      askPlacement: reviewers.some((r) => r.needsPlacement),
      frameworkNames: Object.fromEntries(frameworkNames),
      notices: noticesOf(piece.current),
      contributionRequests: requests?.contributionRequests ?? [],
      countersignatures:
        piece.versions.find((v) => v.id === piece.current.id)?.review?.countersignatures ?? [],
      errors: options.errors,
      values: options.values ?? {},
      ...presenters,
    });
  };

  router.get('/evidence/:id', async (req: Request, res: Response) =>
    renderPiece(req, res, await loadPiece(req, req.params.id as string)),
  );

  router.post('/evidence/:id/submit', async (req: Request, res: Response) => {
    const id = req.params.id as string;
    const reviewerUserId = String(req.body.reviewerUserId ?? '');
    const assessmentContext = String(req.body.assessmentContext ?? '');
    const values = { reviewerUserId, assessmentContext };
    const { assessorRelationships } = await req.api(MyReviewersDocument, {
      practitionerUserId: req.session.user!.userId,
      activeOn: ukToday(),
    });
    // Only a practice educator's student says which placement; for anyone else the API decides.
    const needsPlacement = reviewerChoices(assessorRelationships.nodes).some(
      (r) => r.value === reviewerUserId && r.needsPlacement,
    );
    const missing = !reviewerUserId
      ? { field: 'reviewerUserId', text: 'Select who should review this evidence' }
      : needsPlacement && !assessmentContext
        ? { field: 'assessmentContext', text: 'Select which placement it is for' }
        : undefined;
    if (missing)
      return renderPiece(req, res, await loadPiece(req, id), {
        errors: errorsFor([missing]),
        values,
        status: 400,
      });
    try {
      await req.api(SubmitEvidenceDocument, {
        input: {
          evidenceId: id,
          reviewerUserId,
          assessmentContext: needsPlacement ? (assessmentContext as AssessmentContext) : null,
        },
      });
      req.session.flash = 'Evidence submitted for review';
      return res.redirect(303, `/evidence/${id}`);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return renderPiece(req, res, await loadPiece(req, id), {
        errors: submitErrors(error, id),
        values,
        status: 400,
      });
    }
  });

  router.post('/evidence/:id/withdraw', async (req: Request, res: Response) => {
    const id = req.params.id as string;
    await req.api(WithdrawEvidenceDocument, { input: { evidenceId: id } });
    req.session.flash = 'Evidence withdrawn from review: it is a draft again';
    res.redirect(303, `/evidence/${id}`);
  });

  router.post(
    '/evidence/:id/upload',
    (req, res, next) =>
      upload(req, res, (error: unknown) => {
        if (error instanceof multer.MulterError) {
          // The body was not read in full, so neither was its token: check it apart from the file.
          return checkCsrf(req, res, (csrfError?: unknown) =>
            csrfError
              ? next(csrfError)
              : loadPiece(req, req.params.id as string)
                  .then((piece) =>
                    renderPiece(req, res, piece, {
                      errors: errorsFor([
                        {
                          field: 'file',
                          text:
                            error.code === 'LIMIT_FILE_SIZE'
                              ? 'The file must be smaller than 10 MB'
                              : 'Upload one file at a time',
                        },
                      ]),
                      status: 400,
                    }),
                  )
                  .catch(next),
          );
        }
        return error ? next(error) : next();
      }),
    checkCsrf,
    async (req: Request, res: Response) => {
      const id = req.params.id as string;
      const file = req.file;
      try {
        if (!file || file.size === 0)
          throw new ApiError('Select a file to upload', 'BAD_USER_INPUT', 'file', [], undefined, 400);
        const attached = await services.http.uploadAttachment(
          id,
          { name: file.originalname, bytes: file.buffer },
          await req.callContext(),
        );
        req.session.flash = `${attached.fileName} attached`;
        return res.redirect(303, `/evidence/${id}#attachments`);
      } catch (error) {
        if (!isFixableUploadError(error)) throw error;
        return renderPiece(req, res, await loadPiece(req, id), {
          errors: errorsFor([{ field: 'file', text: error.message }]),
          status: 400,
        });
      }
    },
  );

  router.get('/evidence/:id/attachments/:attachmentId', async (req: Request, res: Response) => {
    const attachmentId = req.params.attachmentId as string;
    if (!UUID.test(attachmentId)) return res.status(404).render('pages/not-found');
    sendDownload(res, await services.http.download(`/attachments/${attachmentId}`, await req.callContext()));
  });

  router.post('/evidence/:id/attachments/:attachmentId/remove', async (req: Request, res: Response) => {
    const attachmentId = req.params.attachmentId as string;
    if (!UUID.test(attachmentId)) return res.status(404).render('pages/not-found');
    await req.api(RemoveAttachmentDocument, { input: { attachmentId } });
    req.session.flash = 'File removed';
    res.redirect(303, `/evidence/${req.params.id}#attachments`);
  });

  return router;
}

/** A file the API refused for what it is (type, size, name): the person can choose another. */
function isFixableUploadError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    !['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code)
  );
}

/** A refused submission: what the person must change on the piece links to its form; the rest to the radios. */
function submitErrors(error: ApiError, evidenceId: string): FormErrors {
  const field = evidenceFieldOf(error.field);
  if (
    error.domainCode === 'IDENTIFIERS_UNCONFIRMED' ||
    error.domainCode === 'EVIDENCE_MAPPING_REQUIRED' ||
    !field
  )
    return {
      list: [{ text: error.message, href: `/evidence/${evidenceId}/edit` }],
      byField: {},
    };
  return errorsFor([
    { field: field === 'assessmentContext' ? 'assessmentContext' : 'reviewerUserId', text: error.message },
  ]);
}
