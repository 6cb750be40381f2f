import { Router } from 'express';
import { errorsFor, formErrorsFrom, isFormError } from '../forms.js';
import type { Services } from '../services/index.js';

/** Only paths on this site are followed after signing in. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';
}

export function signInRoutes(services: Services): Router {
  const router = Router();

  router.get('/sign-in', (req, res) => {
    if (req.session.user) return res.redirect(303, '/');
    res.render('pages/sign-in', { values: {}, returnTo: safeReturnTo(req.query.returnTo) });
  });

  router.post('/sign-in', async (req, res, next) => {
    const email = String(req.body.email ?? '').trim();
    const password = String(req.body.password ?? '');
    const returnTo = safeReturnTo(req.body.returnTo);
    const missing = [
      ...(email ? [] : [{ field: 'email', text: 'Enter your email address' }]),
      ...(password ? [] : [{ field: 'password', text: 'Enter your password' }]),
    ];
    if (missing.length)
      return res
        .status(400)
        .render('pages/sign-in', { errors: errorsFor(missing), values: { email }, returnTo });
    try {
      const { tokens, user } = await services.auth.signIn(email, password, {
        requestId: req.requestId,
        clientIp: req.ip,
      });
      // A new session id on sign-in, so an id planted before it is worth nothing.
      req.session.regenerate((err) => {
        if (err) return next(err);
        req.session.tokens = tokens;
        req.session.user = user;
        req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect(303, returnTo)));
      });
    } catch (error) {
      if (
        isFormError(error) ||
        (error instanceof Error && 'code' in error && error.code === 'UNAUTHENTICATED')
      ) {
        const text =
          (error as { code: string }).code === 'RATE_LIMITED'
            ? 'Too many attempts to sign in. Wait 15 minutes, then try again'
            : 'Enter a correct email address and password';
        const errors =
          isFormError(error) && error.code === 'BAD_USER_INPUT' && error.fields.length
            ? formErrorsFrom(error, 'email', { email: 'Email address', password: 'Password' })
            : errorsFor([{ field: 'email', text }]);
        return res.status(400).render('pages/sign-in', { errors, values: { email }, returnTo });
      }
      return next(error);
    }
  });

  router.post('/sign-out', async (req, res, next) => {
    await services.auth.signOut(req, { requestId: req.requestId, clientIp: req.ip });
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('pathways.sid');
      res.redirect(303, '/sign-in');
    });
  });

  /** The timeout warning's "Stay signed in": touching the session restarts its idle clock. */
  router.post('/session/keep-alive', async (req, res, next) => {
    try {
      await req.callContext();
      res.json({
        ok: true,
        idleSeconds: req.session.cookie.maxAge ? Math.round(req.session.cookie.maxAge / 1000) : null,
      });
    } catch (error) {
      next(error);
    }
  });

  return router;
}
