import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/index.js';
import { sendDownload } from './sendDownload.js';

/** My portfolio PDF and CPD log: the API answers /practitioners/<id>/… itself, without the session; these paths carry it. */
export function downloadRoutes(services: Services): Router {
  const router = Router();
  for (const [path, apiFile] of [
    ['/downloads/portfolio.pdf', 'portfolio.pdf'],
    ['/downloads/cpd-log.csv', 'cpd-log.csv'],
  ] as const) {
    router.get(path, async (req: Request, res: Response) => {
      const me = encodeURIComponent(req.session.user!.userId);
      sendDownload(
        res,
        await services.http.download(`/practitioners/${me}/${apiFile}`, await req.callContext()),
      );
    });
  }
  return router;
}
