import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError } from '../data/apiError.js';

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).render('pages/not-found');
};

/**
 * One error handler: a lapsed API session sends the person to sign in; what they may not see is a 404
 * (as the API answers); a stale form is a 403 with a way back; anything else is the GOV.UK problem page
 * with the request id, and details only outside production. Logged: the error's type and the request id.
 */
export function errorHandler(production: boolean): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return req.socket.destroy();
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      delete req.session.tokens;
      delete req.session.user;
      return res.redirect(
        303,
        `/sign-in${req.method === 'GET' ? `?returnTo=${encodeURIComponent(req.originalUrl)}` : ''}`,
      );
    }
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
      return res.status(404).render('pages/not-found');
    }
    if ((error as { code?: string }).code === 'EBADCSRFTOKEN') {
      return res.status(403).render('pages/form-expired');
    }
    if ((error as { code?: string }).code === 'LIMIT_FILE_SIZE') {
      return res
        .status(413)
        .render('pages/problem', { requestId: req.requestId, message: 'The file is too large.' });
    }
    const status = error instanceof ApiError && error.code === 'SERVICE_UNAVAILABLE' ? 503 : 500;
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'web request failed',
        requestId: req.requestId,
        method: req.method,
        path: req.path,
        error: (error as Error)?.name ?? typeof error,
        code: (error as { code?: string })?.code,
        ...(production ? {} : { stack: (error as Error)?.stack }),
      }),
    );
    res.status(status).render('pages/problem', {
      requestId: req.requestId,
      unavailable: status === 503,
      detail: production ? undefined : String((error as Error)?.stack ?? error),
    });
  };
}
