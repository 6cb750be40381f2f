import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError } from '#app/domain';

/**
 * Public verification needs no sign-in, so it is limited per client address
 * (VERIFY_RATE_LIMIT_PER_MINUTE, default 60): enough for an employer checking
 * credentials, too few to walk the space of verification codes. Counted in PostgreSQL
 * beside the sign-in limits (rate-limiter-flexible), so the budget holds across API
 * instances and restarts; addresses are stored hashed. Past it: 429 RATE_LIMITED
 * with Retry-After.
 */
@Injectable()
export class VerifyRateLimitGuard implements CanActivate, OnModuleInit {
  private limiter!: RateLimiterPostgres;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.limiter = new RateLimiterPostgres({
      storeClient: (this.dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: 'login_rate_limit',
      tableCreated: true,
      keyPrefix: 'verify',
      points: this.config.credentials.verifyPerMinute,
      duration: 60,
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const address = createHash('sha256')
      .update(req.ip ?? 'unknown')
      .digest('hex');
    try {
      await this.limiter.consume(address);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', 'Too many verification requests; try again later', undefined, {
        retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
      });
    }
  }
}
