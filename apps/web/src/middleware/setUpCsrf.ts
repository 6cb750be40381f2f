import { Router, type RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

/**
 * Synchroniser tokens kept in the session (csrf-sync): every form carries `_csrf`, every POST is
 * checked. Multipart forms are checked by `checkCsrf` in their route, once the body is parsed.
 */
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) =>
    ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
    req.get('x-csrf-token'),
});

export const checkCsrf: RequestHandler = csrfSynchronisedProtection;

export function setUpCsrf(): Router {
  const router = Router();
  router.use((req, res, next) => {
    if (req.is('multipart/form-data')) return next();
    return csrfSynchronisedProtection(req, res, next);
  });
  router.use((req, res, next) => {
    res.locals.csrfToken = generateToken(req);
    next();
  });
  return router;
}
