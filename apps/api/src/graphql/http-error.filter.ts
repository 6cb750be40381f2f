import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '#app/domain';
import { GQL_CODE, type GqlErrorCode } from './format-error.js';

const STATUS: Record<GqlErrorCode, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  CONFLICT: HttpStatus.CONFLICT,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * The plain HTTP endpoints (attachments) answer refusals with the same codes as GraphQL:
 * `{ error: { code, domainCode, field, message } }` and the matching status.
 */
@Catch(DomainError, HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  catch(error: DomainError | HttpException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      const code = GQL_CODE[error.code];
      const status = error.code === 'ATTACHMENT_TOO_LARGE' ? HttpStatus.PAYLOAD_TOO_LARGE : STATUS[code];
      res.status(status).json({
        error: { code, domainCode: error.code, field: error.field ?? null, message: error.message },
      });
      return;
    }
    const status = error.getStatus();
    const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT';
    res
      .status(status)
      .json({ error: { code, message: status === 401 ? 'Authentication required' : error.message } });
  }
}
