import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { getOperationAST, type DocumentNode } from 'graphql';
import request from 'supertest';
import type { Services } from '../services/index.js';
import { insightRoutes } from './insight.js';

const views = join(dirname(fileURLToPath(import.meta.url)), '..', 'views');

const SCOPE = {
  from: '2025-12-01',
  to: '2026-11-30',
  teamId: null,
  teamName: null,
  practitioners: 12,
  suppressed: false,
  minGroupSize: 5,
  individualsVisible: true,
};

const ANSWER = {
  teams: { nodes: [{ id: 't1', name: 'Adults' }] },
  workforceInsight: {
    scope: SCOPE,
    cpdCompliance: {
      practitioners: 12,
      evaluated: 10,
      met: 6,
      atRisk: 2,
      rate: 0.6,
      byTeam: [
        { teamName: 'Adults', suppressed: true, evaluated: null, met: null, atRisk: null, rate: null },
      ],
      peopleAtRisk: [],
    },
  },
};

/**
 * The router on its own: a signed-in person with `roles`, an API that records each operation and its
 * variables, and views that show what they were given instead of HTML.
 */
function appFor(roles: string[]) {
  const asked: { name: string; variables: Record<string, unknown> }[] = [];
  const app = express();
  app.set('views', views);
  app.set('view engine', 'njk');
  app.engine('njk', (path, locals, done) =>
    done(
      null,
      JSON.stringify({
        view: path.slice(views.length + 1),
        errors: (locals as any).errors,
        parts: (locals as any).parts?.length,
      }),
    ),
  );
  app.use((req, _res, next) => {
    (req as any).session = { user: { roles } };
    req.api = (async (document: DocumentNode, variables: Record<string, unknown>) => {
      asked.push({ name: getOperationAST(document)?.name?.value ?? '', variables });
      return ANSWER;
    }) as never;
    next();
  });
  app.use(insightRoutes({} as Services));
  return { app, asked };
}

const PARTS_OFF = {
  stages: false,
  coverage: false,
  cpd: false,
  turnaround: false,
  supervision: false,
  pipeline: false,
  cohort: false,
};

describe('insightRoutes', () => {
  it('should draw the dashboard from one request for every part and the teams', async () => {
    const { app, asked } = appFor(['PRINCIPAL_SOCIAL_WORKER']);
    const res = await request(app).get('/insight?teamId=t1&from=2026-01-01&to=').expect(200);
    expect(JSON.parse(res.text)).toMatchObject({ view: 'pages/insight/index.njk', parts: 7 });
    expect(asked).toEqual([
      {
        name: 'WorkforceInsight',
        variables: {
          teamId: 't1',
          from: '2026-01-01',
          stages: true,
          coverage: true,
          cpd: true,
          turnaround: true,
          supervision: true,
          pipeline: true,
          cohort: true,
          teams: true,
        },
      },
    ]);
  });

  it('should ask only for the teams when a date must be fixed first', async () => {
    const { app, asked } = appFor(['ORG_ADMIN']);
    const res = await request(app).get('/insight?from=2026-02-30').expect(200);
    expect(JSON.parse(res.text).errors.list).toEqual([
      { text: 'Enter the first day as a real date, like 2026-01-31', href: '#from' },
    ]);
    expect(asked.map((a) => a.variables)).toEqual([{ ...PARTS_OFF, teams: true }]);
  });

  it('should stream one part’s table as CSV from a request for that part alone', async () => {
    const { app, asked } = appFor(['PRINCIPAL_SOCIAL_WORKER']);
    const res = await request(app).get('/insight/cpd.csv?teamId=t1').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="workforce-insight-cpd-2025-12-01-to-2026-11-30.csv"',
    );
    expect(res.text).toBe(
      '\uFEFFTeam,Meeting requirements,Met,Judged,At risk\nAdults,Fewer than 5 people: not shown,,,\n',
    );
    expect(asked.map((a) => a.variables)).toEqual([{ teamId: 't1', ...PARTS_OFF, cpd: true, teams: false }]);
  });

  it('should ask for the stages with the pipeline, to name its routes', async () => {
    const { app, asked } = appFor(['PRINCIPAL_SOCIAL_WORKER']);
    await request(app).get('/insight/pipeline.csv').expect(200);
    expect(asked.map((a) => a.variables)).toEqual([
      { ...PARTS_OFF, pipeline: true, stages: true, teams: false },
    ]);
  });

  it.each([
    ['a practitioner, the page', ['PRACTITIONER'], '/insight'],
    ['a practitioner, a CSV', ['PRACTITIONER', 'SUPERVISOR'], '/insight/cpd.csv'],
    ['an unknown part', ['PRINCIPAL_SOCIAL_WORKER'], '/insight/salaries.csv'],
    ['a part without .csv', ['PRINCIPAL_SOCIAL_WORKER'], '/insight/cpd'],
  ])('should answer 404 without asking the API for %s', async (_name, roles, path) => {
    const { app, asked } = appFor(roles);
    const res = await request(app).get(path).expect(404);
    expect(JSON.parse(res.text).view).toBe('pages/not-found.njk');
    expect(asked).toEqual([]);
  });
});
