import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import helmet from 'helmet';

/** Helmet's headers with a CSP that allows only this server's scripts and the one nonced inline line of the GOV.UK template. */
export function setUpWebSecurity(production: boolean): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  router.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: [
            "'self'",
            (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`,
          ],
          styleSrc: ["'self'"],
          fontSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: production ? [] : null,
        },
      },
      strictTransportSecurity: production,
      crossOriginEmbedderPolicy: false,
    }),
  );
  router.use((_req, res, next) => {
    // Pages show personal data: never stored by shared caches or the browser's back-forward cache.
    res.setHeader('cache-control', 'no-store');
    next();
  });
  return router;
}
