import { Router, type Response } from 'express';
import { AcceptInvitationDocument, type Regulator } from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import { datePartsFrom, isBlank, isoDateFrom, type DateParts } from '../presenters/admin/dates.js';
import { inFormWords } from '../presenters/admin/formWording.js';
import { REGULATOR_NAMES } from '../presenters/admin/roleNames.js';
import type { Services } from '../services/index.js';

/** The shape of the token in an invitation link; anything else is a link that will never work. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const LABELS = {
  password: 'Password',
  fullName: 'Full name',
  regulator: 'Regulator',
  registrationNumber: 'Registration number',
  dateQualified: 'Date qualified',
};

interface AcceptValues {
  fullName: string;
  regulator: string;
  registrationNumber: string;
  dateQualified: DateParts;
}

/**
 * The page an invitation email links to: the invitee, not signed in, sets their password (or gives
 * their existing account's) and joins; then they sign in as anyone does.
 */
export function adminInvitationAcceptanceRoutes(services: Services): Router {
  const router = Router();

  const renderForm = (res: Response, token: string, values: AcceptValues, errors?: FormErrors) =>
    res.status(errors ? 400 : 200).render('pages/admin/accept-invitation', {
      token,
      values,
      errors,
      regulatorItems: [
        ...Object.entries(REGULATOR_NAMES).map(([value, text]) => ({
          value,
          text,
          checked: values.regulator === value,
        })),
        { divider: 'or' },
        { value: '', text: 'I am not registered yet (a student, say)', checked: values.regulator === '' },
      ],
    });
  const renderInvalid = (res: Response) => res.status(400).render('pages/admin/invitation-invalid');

  router.get('/invitations/accept', (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    if (!TOKEN.test(token)) return renderInvalid(res);
    renderForm(res, token, {
      fullName: '',
      regulator: 'unanswered',
      registrationNumber: '',
      dateQualified: { day: '', month: '', year: '' },
    });
  });

  router.post('/invitations/accept', async (req, res, next) => {
    const token = String(req.body.token ?? '');
    const password = String(req.body.password ?? '');
    const confirmation = String(req.body.confirmPassword ?? '');
    const values: AcceptValues = {
      fullName: String(req.body.fullName ?? '').trim(),
      regulator: String(req.body.regulator ?? 'unanswered'),
      registrationNumber: String(req.body.registrationNumber ?? '').trim(),
      dateQualified: datePartsFrom(req.body, 'dateQualified'),
    };
    if (!TOKEN.test(token)) return renderInvalid(res);
    const regulator = values.regulator in REGULATOR_NAMES ? (values.regulator as Regulator) : undefined;
    const dateQualified = isBlank(values.dateQualified)
      ? undefined
      : isoDateFrom(values.dateQualified, 'Date qualified');
    const problems = [
      ...(password ? [] : [{ field: 'password', text: 'Enter a password' }]),
      ...(password && confirmation !== password
        ? [{ field: 'confirmPassword', text: 'The passwords do not match' }]
        : []),
      ...(dateQualified && !dateQualified.ok
        ? [{ field: 'dateQualified', text: dateQualified.message }]
        : []),
    ];
    const dateFields = { dateFields: ['dateQualified'] };
    if (problems.length || (dateQualified && !dateQualified.ok))
      return renderForm(res, token, values, inFormWords(errorsFor(problems), dateFields));
    try {
      const { acceptInvitation } = await services.graphql.request(
        AcceptInvitationDocument,
        {
          input: {
            token,
            password,
            ...(values.fullName ? { fullName: values.fullName } : {}),
            ...(regulator ? { regulator } : {}),
            ...(values.registrationNumber ? { registrationNumber: values.registrationNumber } : {}),
            ...(dateQualified?.ok ? { dateQualified: dateQualified.value } : {}),
          },
        },
        { requestId: req.requestId, clientIp: req.ip },
      );
      req.session.flash = `You have joined ${acceptInvitation.organisationName}. Sign in with your email address and password.`;
      res.redirect(303, '/sign-in');
    } catch (error) {
      if (!isFormError(error)) return next(error);
      // Used, withdrawn or expired: nothing on this form can fix it.
      if (error.field === 'input.token') return renderInvalid(res);
      renderForm(res, token, values, inFormWords(formErrorsFrom(error, 'password', LABELS), dateFields));
    }
  });

  return router;
}
