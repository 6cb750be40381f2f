import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { parseAddressList } from './address-list.js';
import { parseCorsOrigins } from './cors-origins.js';

/** A comma-separated setting as its trimmed entries. */
export const splitList = (value: string): string[] => value.split(',').map((e) => e.trim());

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Every environment variable Pathways reads, validated once at start-up.
 * A bad value stops the process with a message that names the variable.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /**
   * Seconds a client has to send a whole request, head and body (JSON, forms, files); a slower one
   * gets 408 and its connection is closed, so clients trickling bytes cannot hold sockets.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  HTTP_REQUEST_TIMEOUT_SECONDS = 120;

  /** When unset, an embedded PostgreSQL is started with its data under DATA_DIR. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_valid_protocol: true })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * Create the demo organisation (logins with a published password) in an empty database. Unset: yes,
   * except in production, where only an explicit `true` does.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO?: boolean;

  /** HS256 key for access tokens; required in production, generated per boot otherwise. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_ATTEMPTS = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_WINDOW_SECONDS = 900;

  /** An external OpenID Connect issuer (a council's identity provider), optional. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsString()
  OIDC_AUDIENCE?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_COST = 100_000;

  /** Where attachment bytes are kept; defaults to DATA_DIR/attachments. */
  @IsOptional()
  @IsString()
  ATTACHMENTS_DIR?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  /** Run the job queue (scheduled reminder scans, emails) in this process. */
  @Transform(toBoolean)
  @IsBoolean()
  JOBS_ENABLED = true;

  /** When the reminder scan runs: a cron expression in UK time (default: five past every hour). */
  @IsString()
  @Matches(/^\S+( \S+){4}$/, { message: 'must be a cron expression of five fields' })
  REMINDER_SCAN_CRON = '5 * * * *';

  /** SMTP server for notification emails, e.g. smtp://user:pass@mail.example:587; unset: no email. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_valid_protocol: true })
  SMTP_URL?: string;

  /** Sender address of notification emails; required with SMTP_URL. */
  @IsOptional()
  @IsEmail({ require_tld: false })
  MAIL_FROM?: string;

  /**
   * Secret from which the key that encrypts organisations' credential signing keys is derived;
   * required in production, generated per run otherwise.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  CREDENTIAL_KEY_SECRET?: string;

  /** Public credential verification requests allowed per client address per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  VERIFY_RATE_LIMIT_PER_MINUTE = 60;

  /** The address people reach the API at, printed with verification codes; default http://HOST:PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL?: string;

  /** Teams smaller than this are shown in workforce insight without breakdowns that could identify someone. */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(100)
  INSIGHT_MIN_GROUP_SIZE = 5;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For), as
   * Express's `trust proxy`: a hop count (`1` behind one load balancer) or a comma-separated list of
   * addresses and CIDR ranges. Every per-address limit (sign-in, verification) counts that address.
   */
  @IsString()
  @Matches(/^(\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*|loopback)$/, {
    message: 'must be a hop count or a comma-separated list of addresses or CIDR ranges',
  })
  TRUST_PROXY = 'loopback';

  /**
   * Who may read /metrics: a comma-separated list of addresses and CIDR ranges, or `loopback`. It is
   * matched against the connection's own address, never X-Forwarded-For; a request that came
   * through a proxy is refused, so scrape each instance directly.
   */
  @IsString()
  @Matches(/^[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*$/, {
    message: 'must be a comma-separated list of addresses or CIDR ranges, or loopback',
  })
  METRICS_ALLOW = 'loopback';

  /**
   * Browser origins allowed to call the API from their pages (CORS), comma-separated and exact
   * (`https://app.example.org`), or `*` for any. Unset: none, no CORS headers are sent (the web app
   * calls the API from its server). Never with credentials: the API takes bearer tokens, not cookies.
   */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /**
   * On SIGTERM or SIGINT, how long requests in flight may take to finish (readiness already
   * failing) before the rest is closed and the process exits.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  SHUTDOWN_GRACE_SECONDS = 10;

  /** Days an invitation to join an organisation stays valid. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_TTL_DAYS = 7;

  /** Days a one-time link asking someone for feedback on a practitioner's evidence stays valid. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  CONTRIBUTION_TTL_DAYS = 14;

  /** Requests to the public contribution pages (link look-ups and submissions) per client address per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  CONTRIBUTION_RATE_LIMIT_PER_MINUTE = 30;

  /** Where subject access archives are kept until downloaded; defaults to DATA_DIR/exports. */
  @IsOptional()
  @IsString()
  EXPORTS_DIR?: string;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Validates raw variables (usually process.env); throws naming each bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false, forbidUnknownValues: false }).map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('JWT_SECRET: must be set (at least 32 characters) when NODE_ENV is production');
  }
  if (Boolean(env.OIDC_ISSUER_URL) !== Boolean(env.OIDC_AUDIENCE)) {
    problems.push('OIDC_ISSUER_URL and OIDC_AUDIENCE: set both or neither');
  }
  if (env.NODE_ENV === 'production' && !env.CREDENTIAL_KEY_SECRET) {
    problems.push('CREDENTIAL_KEY_SECRET: must be set (at least 32 characters) when NODE_ENV is production');
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_BASE_URL) {
    problems.push(
      'PUBLIC_BASE_URL: must be set when NODE_ENV is production (the address people reach the API at, printed in PDFs and verification links)',
    );
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    problems.push('MAIL_FROM: must be set when SMTP_URL is set');
  }
  if (!problems.some((p) => p.startsWith('METRICS_ALLOW'))) {
    try {
      parseAddressList(splitList(env.METRICS_ALLOW));
    } catch (error) {
      problems.push(`METRICS_ALLOW: ${(error as Error).message}`);
    }
  }
  if (env.CORS_ORIGINS) {
    try {
      parseCorsOrigins(splitList(env.CORS_ORIGINS));
    } catch (error) {
      problems.push(`CORS_ORIGINS: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return env;
}
