import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import type { WebConfig } from '../config.js';

const here = dirname(fileURLToPath(import.meta.url));
const govukRoot = join(
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
);

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "2026-10-12" or an ISO time → "12 October 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? value : dateFormat.format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFormat.format(d);
}

/** "CPD_ACTIVITY" → "CPD activity". */
export function humanise(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().split('_').join(' ');
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\b(cpd|asye|pcf|nqsw|psw|kss)\b/gi, (w) =>
    w.toUpperCase(),
  );
}

export function nunjucksSetup(app: Express, config: WebConfig): nunjucks.Environment {
  app.set('view engine', 'njk');
  const env = nunjucks.configure([join(here, '..', 'views'), govukRoot], {
    autoescape: true,
    express: app,
    noCache: !config.production,
  });
  env.addGlobal('serviceName', config.serviceName);
  env.addGlobal('sessionIdleSeconds', config.sessionIdleSeconds);
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('humanise', humanise);
  return env;
}
