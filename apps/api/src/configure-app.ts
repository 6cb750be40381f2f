import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { AppValidationPipe } from './graphql/validation.pipe.js';
import { Drain } from './health/drain.js';

/** What main.ts and the e2e tests both apply to the Nest application. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new AppValidationPipe());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // TRUST_PROXY: whose X-Forwarded-For sets req.ip, the address every per-address limit counts.
  app.getHttpAdapter().getInstance().set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  app.get(Drain).track(app.getHttpServer());
}
