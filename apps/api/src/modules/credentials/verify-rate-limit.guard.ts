import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { AddressRateLimiter } from '../../common/address-rate-limiter.js';

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
  private limiter!: AddressRateLimiter;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.limiter = new AddressRateLimiter(this.dataSource, {
      keyPrefix: 'verify',
      points: this.config.credentials.verifyPerMinute,
      durationSeconds: 60,
      refusal: 'Too many verification requests; try again later',
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    await this.limiter.consume(req.ip);
    return true;
  }
}
