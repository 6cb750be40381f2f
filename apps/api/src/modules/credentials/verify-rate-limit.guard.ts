import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError } from '#app/domain';

/**
 * Public verification needs no sign-in, so it is limited per client address
 * (VERIFY_RATE_LIMIT_PER_MINUTE, default 60): enough for an employer checking
 * credentials, too few to walk the space of verification codes. Counted in this
 * process's memory: each API instance allows its own budget. Past it: 429
 * RATE_LIMITED with Retry-After.
 */
@Injectable()
export class VerifyRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new RateLimiterMemory({
      keyPrefix: 'verify',
      points: config.credentials.verifyPerMinute,
      duration: 60,
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    try {
      await this.limiter.consume(req.ip ?? 'unknown');
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', 'Too many verification requests; try again later', undefined, {
        retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
      });
    }
  }
}
