import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError } from '#app/domain';

/**
 * Failed logins are counted per account and per client address in PostgreSQL
 * (rate-limiter-flexible), so the limit holds across API instances and restarts.
 * Keys are hashed: the table never holds an email address.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleInit {
  private perAccount!: RateLimiterPostgres;
  private perAddress!: RateLimiterPostgres;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const pool = (this.dataSource.driver as unknown as { master: unknown }).master;
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'login_rate_limit',
      tableCreated: true,
      duration: this.config.auth.loginWindowSeconds,
    };
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'acct',
      points: this.config.auth.loginMaxAttempts,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'addr',
      points: this.config.auth.loginMaxAttempts * 10,
    });
  }

  private static key(value: string): string {
    return createHash('sha256').update(value.toLowerCase()).digest('hex');
  }

  /** Refuses before any password is checked once either budget is spent. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await Promise.all([
      this.perAccount.get(LoginRateLimiter.key(email)),
      this.perAddress.get(LoginRateLimiter.key(address)),
    ]);
    const spent = (res: RateLimiterRes | null, max: number) => res !== null && res.consumedPoints >= max;
    if (
      spent(account, this.config.auth.loginMaxAttempts) ||
      spent(client, this.config.auth.loginMaxAttempts * 10)
    ) {
      const wait = Math.max(account?.msBeforeNext ?? 0, client?.msBeforeNext ?? 0);
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', undefined, {
        retryAfterSeconds: Math.ceil(wait / 1000),
      });
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const swallowLimit = (e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw e;
    };
    await Promise.all([
      this.perAccount.consume(LoginRateLimiter.key(email)).catch(swallowLimit),
      this.perAddress.consume(LoginRateLimiter.key(address)).catch(swallowLimit),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(LoginRateLimiter.key(email));
  }
}
