import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { DomainError } from '#app/domain';

/**
 * A budget of requests per client address for an endpoint that needs no sign-in, counted in
 * PostgreSQL beside the sign-in limits (rate-limiter-flexible), so it holds across API instances
 * and restarts. Addresses are stored hashed. Past it: RATE_LIMITED with `retryAfterSeconds`.
 */
export class AddressRateLimiter {
  private readonly limiter: RateLimiterPostgres;
  private readonly refusal: string;

  constructor(
    dataSource: DataSource,
    options: { keyPrefix: string; points: number; durationSeconds: number; refusal: string },
  ) {
    this.limiter = new RateLimiterPostgres({
      storeClient: (dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: 'login_rate_limit',
      tableCreated: true,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.durationSeconds,
    });
    this.refusal = options.refusal;
  }

  /** Takes one request from the address's budget; throws RATE_LIMITED once it is spent. */
  async consume(address: string | undefined): Promise<void> {
    const key = createHash('sha256')
      .update(address ?? 'unknown')
      .digest('hex');
    try {
      await this.limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', this.refusal, undefined, {
        retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
      });
    }
  }
}
