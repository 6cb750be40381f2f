import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type {
  CorsOptions,
  CorsOptionsDelegate,
} from '@nestjs/common/interfaces/external/cors-options.interface.js';
import type { Request } from 'express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { AppValidationPipe } from './graphql/validation.pipe.js';
import { Drain } from './health/drain.js';

/** What main.ts and the e2e tests both apply to the Nest application. */
export function configureApp(app: INestApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new AppValidationPipe());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // TRUST_PROXY: whose X-Forwarded-For sets req.ip, the address every per-address limit counts.
  app.getHttpAdapter().getInstance().set('trust proxy', config.trustProxy);
  if (config.cors.origins.length > 0) app.enableCors(corsFor(config.cors.origins));
  limitRequestTime(app.getHttpServer() as Server, config.http.requestTimeoutMs);
  app.get(Drain).track(app.getHttpServer());
}

/** Headers a browser page may send and read: those the API takes and gives (see app.module.ts). */
const CORS: CorsOptions = {
  methods: ['GET', 'POST'],
  allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'x-pathways-organisation'],
  exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
  // Never Access-Control-Allow-Credentials: the API takes bearer tokens, not cookies.
  credentials: false,
  maxAge: 600,
};

/**
 * CORS_ORIGINS: an allowed origin is echoed in Access-Control-Allow-Origin (preflights answered
 * 204); any other gets no CORS headers at all, its preflight going on to the routes like any
 * OPTIONS request. `*` allows every origin.
 */
function corsFor(origins: string[]): CorsOptionsDelegate<Request> {
  const allowed = new Set(origins);
  return (req, callback) => {
    const origin = req.headers.origin;
    callback(null, {
      ...CORS,
      origin: allowed.has('*') ? '*' : typeof origin === 'string' && allowed.has(origin) ? origin : false,
    });
  };
}

/**
 * Every request, body included, must arrive within `timeoutMs`: Node answers a slower one 408 and
 * closes its connection, whichever parser (JSON, form, raw file) is reading it. Node checks open
 * requests every 30 s by default, so a request could outlive the limit by that much; once a second
 * instead. Read by the server when it starts listening, hence set here, before `listen`.
 */
function limitRequestTime(
  server: Server & { connectionsCheckingInterval?: number },
  timeoutMs: number,
): void {
  server.requestTimeout = timeoutMs;
  server.headersTimeout = Math.min(server.headersTimeout, timeoutMs);
  server.connectionsCheckingInterval = 1_000;
}
