import type { Express, NextFunction, Request, Response } from 'express';
import { createWebApp } from './app.js';
import type { WebConfig } from './config.js';

/** The API's own paths: requests for them pass the web app by untouched (no session, no body parsing). */
const API_PATHS =
  /^\/(graphql|graphiql|health|metrics|verify|issuers|subject-access-exports|moderation-packs|attachments)(\/|$)|^\/practitioners\/[^/]+\/(portfolio\.pdf|cpd-log\.csv)$|^\/evidence\/[^/]+\/attachments$/;

/** Mounts the web app in front of the API's routes on the same HTTP server (the API answers its own paths). */
export function mountWebApp(server: Express, config: WebConfig): void {
  const web = createWebApp(config);
  server.use((req: Request, res: Response, next: NextFunction) =>
    API_PATHS.test(req.path) ? next() : web(req, res, next),
  );
}
