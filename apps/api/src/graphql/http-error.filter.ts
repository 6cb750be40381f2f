import {
  Catch,
  HttpException,
  HttpStatus,
  Inject,
  ServiceUnavailableException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError } from '#app/domain';
import { describeSafely, GQL_CODE, isDatabaseUnavailable, type GqlErrorCode } from './format-error.js';
import { InputValidationError } from './input-validation.error.js';

const STATUS: Record<GqlErrorCode, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  CONFLICT: HttpStatus.CONFLICT,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
};

const HTTP_CODE: Partial<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

/**
 * Every error on the plain HTTP endpoints (attachments, credential verification, exports, subject
 * access, unknown routes) leaves as `{ error: { code, message, … } }` with the matching status:
 * refusals with the same codes as GraphQL (bad input: 400 BAD_USER_INPUT with the `field` at fault
 * and, from the validation pipe, every one in `fields`), none of them logged; the database unavailable as 503 SERVICE_UNAVAILABLE;
 * anything else as 500 INTERNAL_SERVER_ERROR, "An error occurred". It replaces Nest's default
 * handler, which logs an unexpected error's message and stack: a database error's message can
 * quote the values of the row (names, emails, reflections). Only the error's type, its driver
 * code and the request id are logged (stack frames too, outside production). Registered for the
 * whole application; errors from GraphQL resolvers pass through to format-error.ts.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: PinoLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: unknown }>();
    if (res.headersSent) {
      // A download broke after its first bytes: nothing can be said to the client any more.
      this.log('warn', error, req, 'response failed after it started');
      res.destroy();
      return;
    }
    if (error instanceof DomainError) {
      const code = GQL_CODE[error.code];
      const status = error.code === 'ATTACHMENT_TOO_LARGE' ? HttpStatus.PAYLOAD_TOO_LARGE : STATUS[code];
      const retryAfter = (error.meta as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (code === 'RATE_LIMITED' && typeof retryAfter === 'number') {
        res.setHeader('retry-after', String(Math.max(1, retryAfter)));
      }
      res.status(status).json({
        error: { code, domainCode: error.code, field: error.field ?? null, message: error.message },
      });
      return;
    }
    if (error instanceof InputValidationError) {
      res.status(HttpStatus.BAD_REQUEST).json({
        error: {
          code: 'BAD_USER_INPUT',
          field: error.fields[0]?.field ?? null,
          fields: error.fields,
          message: error.message,
        },
      });
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      const code = HTTP_CODE[status] ?? 'BAD_USER_INPUT';
      const body = unreadableBody(error);
      if (body) {
        res.status(status).json({ error: { code, field: 'body', message: body } });
        return;
      }
      const message =
        status === 401 ? 'Authentication required' : status === 404 ? 'Not found' : error.message;
      const field = (error.getResponse() as { field?: unknown }).field;
      res.status(status).json({ error: { code, ...(typeof field === 'string' ? { field } : {}), message } });
      return;
    }
    // Readiness saying "not now" (stopping, or the database down), with the body it chose: without
    // this it left as a 500 and an error in the log.
    if (error instanceof ServiceUnavailableException) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json(error.getResponse());
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.log('warn', error, req, 'database unavailable');
      res.setHeader('retry-after', '5');
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'The service is temporarily unavailable: try again shortly',
        },
      });
      return;
    }
    this.log('error', error, req, 'unexpected error in HTTP request');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'An error occurred' },
    });
  }

  private log(level: 'warn' | 'error', error: unknown, req: { id?: unknown }, what: string): void {
    this.logger[level](
      {
        requestId: req.id,
        error: describeSafely(error, { frames: !this.config.isProduction }),
      },
      what,
    );
  }
}

/**
 * What to tell a client whose body the JSON or form parser could not read (malformed, too large, an
 * unknown charset), or null for any other refusal. A fixed sentence: the parser's own message quotes
 * the body back.
 */
function unreadableBody(error: HttpException): string | null {
  const cause = error.cause as { type?: unknown } | undefined;
  if (cause instanceof SyntaxError) return 'The request body is not valid JSON';
  const type = typeof cause?.type === 'string' ? cause.type : '';
  if (type === 'entity.too.large') return 'The request body is too large';
  if (type.startsWith('entity.') || type.startsWith('charset.') || type.startsWith('encoding.')) {
    return 'The request body could not be read';
  }
  return null;
}
