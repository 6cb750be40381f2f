import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const govukDist = join(
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
  'govuk',
);

export function setUpStaticResources(): Router {
  const router = Router();
  const options = { maxAge: '1h', index: false as const, redirect: false };
  router.use('/assets/govuk', express.static(govukDist, options));
  // The stylesheet finds its fonts and images under /assets/ (GOV.UK Frontend's default asset path).
  router.use('/assets', express.static(join(govukDist, 'assets'), options));
  router.use(
    '/assets/app',
    express.static(join(dirname(fileURLToPath(import.meta.url)), '..', 'assets'), options),
  );
  return router;
}
