import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError } from '#app/domain';

/**
 * Sign-in attempts are counted per account and per client address in PostgreSQL
 * (rate-limiter-flexible), so the limit holds across API instances and restarts.
 * An attempt is reserved (one atomic upsert per key) before any password is hashed,
 * so parallel attempts cannot all slip past a check made before the count.
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

  /**
   * Takes one attempt from the address's budget, then from the account's, and refuses once
   * either is spent. The address goes first so that a client already refused cannot keep
   * locking other people's accounts.
   */
  async reserveAttempt(email: string, address: string): Promise<void> {
    try {
      await this.perAddress.consume(LoginRateLimiter.key(address));
      await this.perAccount.consume(LoginRateLimiter.key(email));
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', undefined, {
        retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000),
      });
    }
  }

  /** A successful sign-in clears the account's count and gives the address its attempt back. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccount.delete(LoginRateLimiter.key(email)),
      this.perAddress.reward(LoginRateLimiter.key(address)),
    ]);
  }
}
