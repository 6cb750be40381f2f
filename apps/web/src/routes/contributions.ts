import { Router, type Request, type Response } from 'express';
import { ApiError } from '../data/apiError.js';
import {
  ContributionRequestByTokenDocument,
  EvidencePieceDocument,
  RequestContributionDocument,
  RevokeContributionRequestDocument,
  SubmitContributionDocument,
  SubmitCountersignatureDocument,
  type ContributionPurpose,
  type ContributionRequestByTokenQuery,
  type Regulator,
} from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { REGULATOR_NAMES } from '../presenters/admin/roleNames.js';
import {
  CONTRIBUTOR_ROLES,
  contributorRoleWithArticle,
  isContributorRole,
  labelledQrCode,
} from '../presenters/contributions.js';
import type { Services } from '../services/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ASK_LABELS = { contributorName: 'Their name', contributorEmail: 'Their email address' };
const COUNTERSIGN_LABELS = {
  name: 'Your name',
  relationship: 'How you know them',
  registrationNumber: 'Registration number',
  comment: 'Your comment',
};
const GIVE_LABELS = {
  name: 'Your name',
  relationship: 'How you know them',
  feedback: 'Your feedback',
  registrationNumber: 'Registration number',
};

interface AskValues {
  contributorName: string;
  delivery: string;
  contributorEmail: string;
  contributorRole: string;
}

interface CountersignValues {
  name: string;
  relationship: string;
  regulator: string;
  registrationNumber: string;
  countersigns: string;
  comment: string;
}

interface GiveValues {
  name: string;
  role: string;
  relationship: string;
  feedback: string;
  regulator: string;
  registrationNumber: string;
}

const NOTHING_ASKED: AskValues = {
  contributorName: '',
  delivery: '',
  contributorEmail: '',
  contributorRole: '',
};

/** The asking form's answers, trimmed; the role as given (or fixed, for a countersignature). */
const askValuesFrom = (req: Request, contributorRole: string): AskValues => ({
  contributorName: String(req.body.contributorName ?? '').trim(),
  delivery: String(req.body.delivery ?? ''),
  contributorEmail: String(req.body.contributorEmail ?? '').trim(),
  contributorRole,
});

const roleItems = (checked: string) =>
  CONTRIBUTOR_ROLES.map((r) => ({
    value: r.value,
    text: r.text,
    hint: { text: r.hint },
    checked: checked === r.value,
  }));

/** A link that does not work: one page for every reason, naming nobody. */
const isLinkInvalid = (error: unknown) =>
  error instanceof ApiError && error.domainCode === 'CONTRIBUTION_LINK_INVALID';

/**
 * Feedback by one-time link: the practitioner asks someone (by email, or a page to print with the
 * link and its QR code) and sees the requests on the evidence's page; the contributor, without an
 * account, gives their feedback at /contribute/:token. A link that does not work gets one page that
 * says nothing of whose it was.
 */
export function contributionRoutes(services: Services): Router {
  const router = Router();

  router.param('evidenceId', (_req, res, next, id: string) =>
    UUID.test(id) ? next() : res.status(404).render('pages/not-found'),
  );

  const ownPiece = async (req: Request, res: Response) => {
    const { evidence } = await req.api(EvidencePieceDocument, { id: req.params.evidenceId as string });
    if (evidence.owner.id !== req.session.user!.userId) {
      res.status(404).render('pages/not-found');
      return null;
    }
    return evidence;
  };

  const renderAsk = (
    res: Response,
    piece: { id: string; current: { title: string } },
    values: AskValues,
    errors?: FormErrors,
  ) =>
    res.status(errors ? 400 : 200).render('pages/contributions/ask', {
      piece,
      values,
      errors,
      roleItems: roleItems(values.contributorRole),
    });

  /**
   * Asks the API for a feedback or countersignature request once the form is complete, then says where
   * it went: emailed (a message on the evidence page), or the page to print with its link, shown this
   * once because the API keeps only the link's hash. Refusals go back to the form, on their field.
   */
  const sendRequest = async (
    req: Request,
    res: Response,
    piece: { id: string; current: { id: string; title: string } },
    purpose: ContributionPurpose,
    values: AskValues,
    renderForm: (errors: FormErrors) => void,
  ) => {
    const problems = [
      ...(values.contributorName ? [] : [{ field: 'contributorName', text: 'Enter their name' }]),
      ...(values.delivery === 'EMAIL' || values.delivery === 'PRINT'
        ? []
        : [{ field: 'delivery', text: 'Select how to send the request' }]),
      ...(values.delivery === 'EMAIL' && !values.contributorEmail
        ? [{ field: 'contributorEmail', text: 'Enter their email address' }]
        : []),
      ...(isContributorRole(values.contributorRole)
        ? []
        : [{ field: 'contributorRole', text: 'Select who they are' }]),
    ];
    if (problems.length) return renderForm(errorsFor(problems));
    try {
      const { requestContribution } = await req.api(RequestContributionDocument, {
        input: {
          purpose,
          evidenceVersionId: piece.current.id,
          contributorName: values.contributorName,
          contributorRole: values.contributorRole as (typeof CONTRIBUTOR_ROLES)[number]['value'],
          ...(values.delivery === 'EMAIL' ? { contributorEmail: values.contributorEmail } : {}),
        },
      });
      if (requestContribution.emailed) {
        const what = purpose === 'COUNTERSIGNATURE' ? 'Request to countersign' : 'Request for feedback';
        req.session.flash = `${what} emailed to ${requestContribution.request.contributorEmail}`;
        return res.redirect(303, `/evidence/${piece.id}#feedback-requests`);
      }
      res.render('pages/contributions/printable', {
        piece,
        request: requestContribution.request,
        link: requestContribution.link,
        qrCode: labelledQrCode(requestContribution.qrCodeSvg ?? ''),
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      renderForm(formErrorsFrom(error, 'contributorName', ASK_LABELS));
    }
  };

  router.get('/evidence/:evidenceId/ask-for-feedback', async (req, res) => {
    const piece = await ownPiece(req, res);
    if (!piece) return;
    renderAsk(res, piece, NOTHING_ASKED);
  });

  router.post('/evidence/:evidenceId/ask-for-feedback', async (req, res) => {
    const piece = await ownPiece(req, res);
    if (!piece) return;
    const values = askValuesFrom(req, String(req.body.contributorRole ?? ''));
    await sendRequest(req, res, piece, 'FEEDBACK', values, (errors) => renderAsk(res, piece, values, errors));
  });

  // An off-site practice educator countersigns the decision that approved the newest version.
  const renderAskToCountersign = (
    res: Response,
    piece: { id: string; current: { title: string } },
    values: AskValues,
    errors?: FormErrors,
  ) =>
    res.status(errors ? 400 : 200).render('pages/contributions/ask-countersign', { piece, values, errors });

  const approvedPiece = async (req: Request, res: Response) => {
    const piece = await ownPiece(req, res);
    if (piece && piece.current.status !== 'APPROVED') {
      res.status(404).render('pages/not-found');
      return null;
    }
    return piece;
  };

  router.get('/evidence/:evidenceId/ask-to-countersign', async (req, res) => {
    const piece = await approvedPiece(req, res);
    if (!piece) return;
    renderAskToCountersign(res, piece, NOTHING_ASKED);
  });

  router.post('/evidence/:evidenceId/ask-to-countersign', async (req, res) => {
    const piece = await approvedPiece(req, res);
    if (!piece) return;
    // Only an off-site practice educator countersigns: the form does not ask.
    const values = askValuesFrom(req, 'PRACTICE_EDUCATOR');
    await sendRequest(req, res, piece, 'COUNTERSIGNATURE', values, (errors) =>
      renderAskToCountersign(res, piece, values, errors),
    );
  });

  router.post('/evidence/:evidenceId/feedback-requests/:requestId/withdraw', async (req, res) => {
    const evidenceId = req.params.evidenceId as string;
    const requestId = String(req.params.requestId);
    if (!UUID.test(requestId)) return res.status(404).render('pages/not-found');
    try {
      await req.api(RevokeContributionRequestDocument, { input: { requestId } });
      req.session.flash = 'Request for feedback withdrawn: its link no longer works';
    } catch (error) {
      if (!(error instanceof ApiError) || error.domainCode !== 'CONTRIBUTION_REQUEST_CLOSED') throw error;
      req.session.flash = 'That request was already answered or withdrawn';
    }
    res.redirect(303, `/evidence/${evidenceId}#feedback-requests`);
  });

  // The contributor's side: no sign-in. The API limits these per browser (the address is passed on).
  const call = (req: Request) => ({ requestId: req.requestId, clientIp: req.ip });
  const renderInvalid = (res: Response) => res.status(404).render('pages/contributions/link-invalid');

  const renderGive = (
    res: Response,
    token: string,
    invitation: ContributionRequestByTokenQuery['contributionRequestByToken'],
    values: GiveValues,
    errors?: FormErrors,
  ) =>
    res.status(errors ? 400 : 200).render('pages/contributions/give', {
      token,
      invitation,
      askedAs: contributorRoleWithArticle(invitation.contributorRole),
      values,
      errors,
      roleItems: roleItems(values.role),
      regulatorItems: Object.entries(REGULATOR_NAMES).map(([value, text]) => ({
        value,
        text,
        checked: values.regulator === value,
      })),
    });

  const renderCountersign = (
    res: Response,
    token: string,
    invitation: ContributionRequestByTokenQuery['contributionRequestByToken'],
    values: CountersignValues,
    errors?: FormErrors,
  ) =>
    res.status(errors ? 400 : 200).render('pages/contributions/countersign', {
      token,
      invitation,
      decision: invitation.decision,
      values,
      errors,
      regulatorItems: Object.entries(REGULATOR_NAMES).map(([value, text]) => ({
        value,
        text,
        checked: values.regulator === value,
      })),
    });

  const invitationFor = async (req: Request, token: string) =>
    (await services.graphql.request(ContributionRequestByTokenDocument, { token }, call(req)))
      .contributionRequestByToken;

  router.get('/contribute/:token', async (req, res) => {
    const token = String(req.params.token);
    try {
      const invitation = await invitationFor(req, token);
      if (invitation.purpose === 'COUNTERSIGNATURE') {
        return renderCountersign(res, token, invitation, {
          name: invitation.contributorName,
          relationship: '',
          regulator: '',
          registrationNumber: '',
          countersigns: '',
          comment: '',
        });
      }
      renderGive(res, token, invitation, {
        name: invitation.contributorName,
        role: invitation.contributorRole,
        relationship: '',
        feedback: '',
        regulator: '',
        registrationNumber: '',
      });
    } catch (error) {
      if (isLinkInvalid(error)) return renderInvalid(res);
      throw error;
    }
  });

  const countersign = async (req: Request, res: Response, token: string) => {
    const values: CountersignValues = {
      name: String(req.body.name ?? '').trim(),
      relationship: String(req.body.relationship ?? '').trim(),
      regulator: String(req.body.regulator ?? ''),
      registrationNumber: String(req.body.registrationNumber ?? '').trim(),
      countersigns: String(req.body.countersigns ?? ''),
      comment: String(req.body.comment ?? '').trim(),
    };
    const problems = [
      ...(values.name ? [] : [{ field: 'name', text: 'Enter your name' }]),
      ...(values.relationship ? [] : [{ field: 'relationship', text: 'Say how you know the social worker' }]),
      ...(values.regulator in REGULATOR_NAMES
        ? []
        : [{ field: 'regulator', text: 'Select who you are registered with' }]),
      ...(values.registrationNumber
        ? []
        : [{ field: 'registrationNumber', text: 'Enter your registration number' }]),
      ...(values.countersigns === 'YES' || values.countersigns === 'NO'
        ? []
        : [{ field: 'countersigns', text: 'Select whether you countersign the decision' }]),
      ...(values.countersigns === 'NO' && !values.comment
        ? [{ field: 'comment', text: 'Say why you do not countersign the decision' }]
        : []),
    ];
    const again = async (errors: FormErrors) =>
      renderCountersign(res, token, await invitationFor(req, token), values, errors);
    if (problems.length) return again(errorsFor(problems));
    try {
      const { submitCountersignature } = await services.graphql.request(
        SubmitCountersignatureDocument,
        {
          input: {
            token,
            name: values.name,
            relationship: values.relationship,
            regulator: values.regulator as Regulator,
            registrationNumber: values.registrationNumber,
            countersigns: values.countersigns === 'YES',
            comment: values.comment,
          },
        },
        call(req),
      );
      res.render('pages/contributions/thank-you', {
        receipt: submitCountersignature,
        countersigned: values.countersigns === 'YES' ? 'YES' : 'NO',
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      return again(formErrorsFrom(error, 'comment', COUNTERSIGN_LABELS));
    }
  };

  router.post('/contribute/:token', async (req, res) => {
    const token = String(req.params.token);
    // The form says what it answers; the API refuses a link of the other purpose as any bad link.
    if (req.body.purpose === 'COUNTERSIGNATURE') {
      try {
        return await countersign(req, res, token);
      } catch (error) {
        if (isLinkInvalid(error)) return renderInvalid(res);
        throw error;
      }
    }
    const values: GiveValues = {
      name: String(req.body.name ?? '').trim(),
      role: String(req.body.role ?? ''),
      relationship: String(req.body.relationship ?? '').trim(),
      feedback: String(req.body.feedback ?? '').trim(),
      regulator: String(req.body.regulator ?? ''),
      registrationNumber: String(req.body.registrationNumber ?? '').trim(),
    };
    const educator = values.role === 'PRACTICE_EDUCATOR';
    const problems = [
      ...(values.name ? [] : [{ field: 'name', text: 'Enter your name' }]),
      ...(isContributorRole(values.role) ? [] : [{ field: 'role', text: 'Select who you are' }]),
      ...(values.relationship ? [] : [{ field: 'relationship', text: 'Say how you know the social worker' }]),
      ...(values.feedback ? [] : [{ field: 'feedback', text: 'Enter your feedback' }]),
      ...(educator && !(values.regulator in REGULATOR_NAMES)
        ? [{ field: 'regulator', text: 'Select who you are registered with' }]
        : []),
      ...(educator && !values.registrationNumber
        ? [{ field: 'registrationNumber', text: 'Enter your registration number' }]
        : []),
    ];
    try {
      if (problems.length)
        return renderGive(res, token, await invitationFor(req, token), values, errorsFor(problems));
      const { submitContribution } = await services.graphql.request(
        SubmitContributionDocument,
        {
          input: {
            token,
            name: values.name,
            role: values.role as (typeof CONTRIBUTOR_ROLES)[number]['value'],
            relationship: values.relationship,
            feedback: values.feedback,
            ...(educator
              ? { regulator: values.regulator as Regulator, registrationNumber: values.registrationNumber }
              : {}),
          },
        },
        call(req),
      );
      res.render('pages/contributions/thank-you', { receipt: submitContribution });
    } catch (error) {
      if (isLinkInvalid(error)) return renderInvalid(res);
      if (!isFormError(error)) throw error;
      try {
        renderGive(
          res,
          token,
          await invitationFor(req, token),
          values,
          formErrorsFrom(error, 'feedback', GIVE_LABELS),
        );
      } catch (again) {
        if (isLinkInvalid(again)) return renderInvalid(res);
        throw again;
      }
    }
  });

  return router;
}
