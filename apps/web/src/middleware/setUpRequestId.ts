import { randomUUID } from 'node:crypto';
import { Router } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    /** Shown on the error page and sent to the API as x-request-id, so one id finds both servers' log lines. */
    requestId: string;
  }
}

const WELL_FORMED = /^[A-Za-z0-9._-]{8,64}$/;

export function setUpRequestId(): Router {
  const router = Router();
  router.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    next();
  });
  return router;
}
