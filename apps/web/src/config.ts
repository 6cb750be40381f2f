import { randomBytes } from 'node:crypto';

/** What the web app needs to run; read from the environment by `webConfigFromEnv`, or passed in. */
export interface WebConfig {
  /** Base URL of the Pathways API (GraphQL at `/graphql`), read per request so a test can set it after listening. */
  apiUrl: () => string;
  production: boolean;
  /** Signs the session cookie. */
  sessionSecret: string;
  /** Idle time after which a web session ends; the timeout warning shows two minutes before. */
  sessionIdleSeconds: number;
  serviceName: string;
}

export class WebConfigError extends Error {}

export function webConfigFromEnv(env: NodeJS.ProcessEnv = process.env, apiUrl?: () => string): WebConfig {
  const production = env.NODE_ENV === 'production';
  const secret = env.SESSION_SECRET;
  if (production && (!secret || secret.length < 32))
    throw new WebConfigError('SESSION_SECRET must be set to 32 or more characters in production');
  if (secret !== undefined && secret.length < 32)
    throw new WebConfigError('SESSION_SECRET must be 32 or more characters');
  const idle = Number(env.SESSION_IDLE_MINUTES ?? '20');
  if (!Number.isInteger(idle) || idle < 3 || idle > 24 * 60)
    throw new WebConfigError('SESSION_IDLE_MINUTES must be a whole number from 3 to 1440');
  const url = env.API_URL ?? 'http://127.0.0.1:3000';
  if (!/^https?:\/\//.test(url)) throw new WebConfigError('API_URL must be an http(s) URL');
  return {
    apiUrl: apiUrl ?? (() => url.replace(/\/$/, '')),
    production,
    sessionSecret: secret ?? randomBytes(32).toString('hex'),
    sessionIdleSeconds: idle * 60,
    serviceName: 'Pathways',
  };
}
