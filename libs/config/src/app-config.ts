import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseCorsOrigins } from './cors-origins.js';
import {
  InvalidEnvironmentError,
  splitList,
  validateEnvironment,
  type EnvironmentVariables,
} from './env.schema.js';

/** The typed configuration the rest of the code reads; only this library touches process.env. */
export interface AppConfig {
  env: EnvironmentVariables['NODE_ENV'];
  isProduction: boolean;
  /** `requestTimeoutMs`: how long a client may take to send a whole request (then 408). */
  http: { host: string; port: number; requestTimeoutMs: number };
  dataDir: string;
  db: {
    /** Undefined means "start the embedded PostgreSQL". */
    url?: string;
    embeddedPort: number;
    migrationsRun: boolean;
    poolSize: number;
    /** Create the demo organisation in an empty database (in production only when asked for). */
    seedDemo: boolean;
  };
  auth: {
    jwtSecret: Uint8Array;
    jwtSecretGenerated: boolean;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    loginMaxAttempts: number;
    loginWindowSeconds: number;
    oidc?: { issuerUrl: string; audience: string };
  };
  log: { level: string };
  graphql: { playground: boolean; introspection: boolean; maxDepth: number; maxCost: number };
  attachments: { dir: string; maxBytes: number };
  /** The job queue: scheduled reminder scans and notification emails. */
  jobs: { enabled: boolean; reminderScanCron: string };
  /** Notification email; `smtpUrl` undefined means notifications are only logged. */
  mail: { smtpUrl?: string; from?: string };
  /**
   * Verifiable credentials: the secret their signing keys are encrypted under, and how many public
   * verification requests one client address may make a minute.
   */
  credentials: { keySecret: Uint8Array; keySecretGenerated: boolean; verifyPerMinute: number };
  /** Where people reach the API (verification links), without a trailing slash. */
  publicBaseUrl: string;
  /** Browser origins allowed by CORS (`['*']` for any); empty: CORS is off. */
  cors: { origins: string[] };
  /** Express's `trust proxy`: a hop count, or the addresses/CIDR ranges of trusted proxies. */
  trustProxy: number | string[];
  insight: { minGroupSize: number };
  /** Subject access archives. */
  exports: { dir: string };
  /** Invitations to join an organisation. */
  invitations: { ttlDays: number };
  /** Feedback asked for by one-time link: how long a link works, and the public pages' budget per address. */
  contributions: { ttlDays: number; perMinute: number };
  /** The addresses and CIDR ranges (or `loopback`) whose connections may read /metrics. */
  metrics: { allow: string[] };
  /** How long requests in flight may take to finish once the process is told to stop. */
  shutdown: { graceMs: number };
}

/**
 * For a process starting up (the API, an operator's script): a bad environment ends it with the
 * message naming the variable and exit code 1, never a stack trace.
 */
export function buildAppConfigOrExit(raw: Record<string, unknown> = process.env): AppConfig {
  try {
    return buildAppConfig(raw);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function buildAppConfig(raw: Record<string, unknown> = process.env): AppConfig {
  const env = validateEnvironment(raw);
  const isProduction = env.NODE_ENV === 'production';
  const isDevelopment = env.NODE_ENV === 'development';
  return {
    env: env.NODE_ENV,
    isProduction,
    http: { host: env.HOST, port: env.PORT, requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000 },
    dataDir: resolve(env.DATA_DIR),
    db: {
      url: env.DATABASE_URL,
      embeddedPort: env.EMBEDDED_PG_PORT,
      migrationsRun: env.DB_MIGRATIONS_RUN,
      poolSize: env.DB_POOL_SIZE,
      seedDemo: env.SEED_DEMO ?? !isProduction,
    },
    auth: {
      jwtSecret: env.JWT_SECRET ? new TextEncoder().encode(env.JWT_SECRET) : randomBytes(32),
      jwtSecretGenerated: !env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      loginMaxAttempts: env.LOGIN_MAX_ATTEMPTS,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      oidc:
        env.OIDC_ISSUER_URL && env.OIDC_AUDIENCE
          ? { issuerUrl: env.OIDC_ISSUER_URL, audience: env.OIDC_AUDIENCE }
          : undefined,
    },
    log: { level: env.LOG_LEVEL },
    graphql: {
      playground: isDevelopment,
      introspection: isDevelopment,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: env.GRAPHQL_MAX_COST,
    },
    attachments: {
      dir: resolve(env.ATTACHMENTS_DIR ?? `${env.DATA_DIR}/attachments`),
      maxBytes: env.ATTACHMENT_MAX_BYTES,
    },
    jobs: { enabled: env.JOBS_ENABLED, reminderScanCron: env.REMINDER_SCAN_CRON },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    credentials: {
      keySecret: env.CREDENTIAL_KEY_SECRET
        ? new TextEncoder().encode(env.CREDENTIAL_KEY_SECRET)
        : randomBytes(32),
      keySecretGenerated: !env.CREDENTIAL_KEY_SECRET,
      verifyPerMinute: env.VERIFY_RATE_LIMIT_PER_MINUTE,
    },
    cors: { origins: env.CORS_ORIGINS ? parseCorsOrigins(splitList(env.CORS_ORIGINS)) : [] },
    trustProxy: /^\d+$/.test(env.TRUST_PROXY)
      ? Number(env.TRUST_PROXY)
      : env.TRUST_PROXY.split(',').map((a) => a.trim()),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/+$/, ''),
    insight: { minGroupSize: env.INSIGHT_MIN_GROUP_SIZE },
    exports: { dir: resolve(env.EXPORTS_DIR ?? `${env.DATA_DIR}/exports`) },
    invitations: { ttlDays: env.INVITATION_TTL_DAYS },
    contributions: { ttlDays: env.CONTRIBUTION_TTL_DAYS, perMinute: env.CONTRIBUTION_RATE_LIMIT_PER_MINUTE },
    metrics: { allow: splitList(env.METRICS_ALLOW) },
    shutdown: { graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000 },
  };
}

/**
 * Lines the start-up log must show prominently: settings that are fine for trying Pathways out and
 * dangerous in production.
 */
export function startupWarnings(config: AppConfig): string[] {
  const warnings: string[] = [];
  if (config.isProduction && config.db.seedDemo) {
    warnings.push(
      'WARNING: SEED_DEMO=true in production: an empty database gets the demo organisation, whose logins ' +
        'share the password published in the README. Anyone can sign in as them: unset SEED_DEMO ' +
        'and remove the demo organisation before real use.',
    );
  }
  return warnings;
}
