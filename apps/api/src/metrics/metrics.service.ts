import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { addressInList, APP_CONFIG, parseAddressList, type AppConfig } from '#app/config';

/** At most this many operation names get a series of their own; later new names count as "other". */
const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * The API's Prometheus metrics, in a registry of this application's own (tests run several
 * applications in one process). Pool and queue figures are read when scraped.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly allowed: ReturnType<typeof parseAddressList>;
  private readonly operationNames = new Set<string>();
  private queueDepths: () => Promise<Record<string, number>> = async () => ({});

  readonly graphqlRequests = new Counter({
    name: 'pathways_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name',
    labelNames: ['operation'],
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'pathways_graphql_request_duration_seconds',
    help: 'Time from a GraphQL request reaching the server to its response, by operation name',
    labelNames: ['operation'],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'pathways_graphql_errors_total',
    help: 'Errors in GraphQL responses, by operation name and extensions.code',
    labelNames: ['operation', 'code'],
    registers: [this.registry],
  });

  readonly emailsSent = new Counter({
    name: 'pathways_emails_sent_total',
    help: 'Notification and invitation emails accepted by the SMTP server',
    registers: [this.registry],
  });

  readonly emailsFailed = new Counter({
    name: 'pathways_emails_failed_total',
    help: 'Notification and invitation emails the SMTP server did not accept',
    registers: [this.registry],
  });

  constructor(@Inject(APP_CONFIG) config: AppConfig, dataSource: DataSource) {
    this.allowed = parseAddressList(config.metrics.allow);
    collectDefaultMetrics({ register: this.registry });
    const pool = () =>
      dataSource.isInitialized ? (dataSource.driver as { master?: Pool }).master : undefined;
    new Gauge({
      name: 'pathways_db_pool_connections',
      help: 'Database connections of the pool, by state (in_use, idle)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
        this.set({ state: 'idle' }, p.idleCount);
      },
    });
    new Gauge({
      name: 'pathways_db_pool_waiting',
      help: 'Queries waiting for a database connection to come free',
      registers: [this.registry],
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    const depths = () => this.queueDepths();
    new Gauge({
      name: 'pathways_job_queue_depth',
      help: 'Jobs waiting on each job queue (none when the job queue does not run here)',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [queue, depth] of Object.entries(await depths())) this.set({ queue }, depth);
      },
    });
  }

  /** The job queue reports its queues' depths through this (it runs only where JOBS_ENABLED). */
  reportQueueDepths(source: () => Promise<Record<string, number>>): void {
    this.queueDepths = source;
  }

  /**
   * A bounded label for a client-chosen operation name: "anonymous" for an unnamed operation,
   * "other" for a request whose operation was never resolved (a syntax or validation error), a name that is no
   * plain identifier, or a new name once MAX_OPERATION_NAMES are in use.
   */
  operationLabel(name: string | null | undefined): string {
    if (name === null) return 'anonymous';
    if (name === undefined || !OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  errorCodeLabel(code: unknown): string {
    return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER';
  }

  /** METRICS_ALLOW, against the connection's own address (see the controller). */
  allows(socketAddress: string | undefined): boolean {
    return addressInList(socketAddress, this.allowed);
  }
}
