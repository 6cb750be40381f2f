import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { AppValidationPipe } from './graphql/validation.pipe.js';

/** What main.ts and the e2e tests both apply to the Nest application. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new AppValidationPipe());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.getHttpAdapter().getInstance().set('trust proxy', 'loopback');
}
