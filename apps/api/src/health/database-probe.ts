import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

/**
 * Readiness's own connection to PostgreSQL, outside the request pool. Probed through the pool, a
 * busy instance (every connection taken, the probe queued behind the requests) failed its checks,
 * and a load balancer took every busy instance out at once: all requests then got 503 from the
 * balancer while PostgreSQL was fine. Saturation is the pool's to answer (SERVICE_UNAVAILABLE after
 * its wait); readiness answers only "PostgreSQL reachable, not stopping".
 */
@Injectable()
export class DatabaseProbe implements OnApplicationShutdown {
  private readonly pool: pg.Pool;

  constructor(dataSource: DataSource) {
    this.pool = new pg.Pool({
      connectionString: (dataSource.options as { url?: string }).url,
      max: 1,
      connectionTimeoutMillis: 1_000,
      // The probe's query must not hang on a stalled server either.
      query_timeout: 1_000,
      application_name: 'pathways-readiness',
    });
    // An idle probe connection cut by a PostgreSQL restart is not an error of the API's.
    this.pool.on('error', () => undefined);
  }

  async reachable(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
