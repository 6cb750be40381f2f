import express, { type Express } from 'express';
import type { WebConfig } from './config.js';
import { errorHandler, notFound } from './middleware/errorHandler.js';
import { nunjucksSetup } from './middleware/nunjucksSetup.js';
import { setUpCsrf } from './middleware/setUpCsrf.js';
import { setUpCurrentUser } from './middleware/setUpCurrentUser.js';
import { setUpRequestId } from './middleware/setUpRequestId.js';
import { setUpStaticResources } from './middleware/setUpStaticResources.js';
import { setUpWebSecurity } from './middleware/setUpWebSecurity.js';
import { setUpWebSession } from './middleware/setUpWebSession.js';
import { routes } from './routes/index.js';
import { createServices, type Services } from './services/index.js';

/** The web app, as the list of its concerns. It reaches Pathways' data only through the public API. */
export function createWebApp(config: WebConfig, services: Services = createServices(config)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(setUpRequestId());
  app.use(setUpWebSecurity(config.production));
  app.use(setUpStaticResources());
  app.use(setUpWebSession(config));
  app.use(express.urlencoded({ extended: true, limit: '256kb', parameterLimit: 2_000 }));
  app.use(express.json({ limit: '256kb' }));
  nunjucksSetup(app, config);
  app.use(setUpCsrf());
  app.use(setUpCurrentUser(services));

  app.use(routes(services));

  app.use(notFound);
  app.use(errorHandler(config.production));
  return app;
}
