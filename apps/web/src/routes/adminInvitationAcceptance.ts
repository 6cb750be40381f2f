import { Router, type Response } from 'express';
import { AcceptInvitationDocument } from '../data/generated/graphql.js';
import { errorsFor, formErrorsFrom, isFormError, type FormErrors } from '../forms.js';
import type { Services } from '../services/index.js';

/** The shape of the token in an invitation link; anything else is a link that will never work. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const LABELS = { password: 'Password', fullName: 'Full name' };

/**
 * The page an invitation email links to: the invitee, not signed in, sets their password (or gives
 * their existing account's) and joins; then they sign in as anyone does.
 */
export function adminInvitationAcceptanceRoutes(services: Services): Router {
  const router = Router();

  const renderForm = (res: Response, token: string, values: { fullName: string }, errors?: FormErrors) =>
    res.status(errors ? 400 : 200).render('pages/admin/accept-invitation', { token, values, errors });
  const renderInvalid = (res: Response) => res.status(400).render('pages/admin/invitation-invalid');

  router.get('/invitations/accept', (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    if (!TOKEN.test(token)) return renderInvalid(res);
    renderForm(res, token, { fullName: '' });
  });

  router.post('/invitations/accept', async (req, res, next) => {
    const token = String(req.body.token ?? '');
    const password = String(req.body.password ?? '');
    const confirmation = String(req.body.confirmPassword ?? '');
    const values = { fullName: String(req.body.fullName ?? '').trim() };
    if (!TOKEN.test(token)) return renderInvalid(res);
    const problems = [
      ...(password ? [] : [{ field: 'password', text: 'Enter a password' }]),
      ...(password && confirmation !== password
        ? [{ field: 'confirmPassword', text: 'The passwords do not match' }]
        : []),
    ];
    if (problems.length) return renderForm(res, token, values, errorsFor(problems));
    try {
      const { acceptInvitation } = await services.graphql.request(
        AcceptInvitationDocument,
        { input: { token, password, ...(values.fullName ? { fullName: values.fullName } : {}) } },
        { requestId: req.requestId, clientIp: req.ip },
      );
      req.session.flash = `You have joined ${acceptInvitation.organisationName}. Sign in with your email address and password.`;
      res.redirect(303, '/sign-in');
    } catch (error) {
      if (!isFormError(error)) return next(error);
      // Used, withdrawn or expired: nothing on this form can fix it.
      if (error.field === 'input.token') return renderInvalid(res);
      renderForm(res, token, values, formErrorsFrom(error, 'password', LABELS));
    }
  });

  return router;
}
