import request from 'supertest';
import { createMember, createOrganisation } from '#app/testing';
import { captureLog, STACK_FRAME } from './support/captured-log.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { CREATE_EVIDENCE, pcf, TINY_PDF } from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

/** Something personal a failing statement quotes back, recognisable wherever it lands. */
const MARKER = 'Marker-Jo-Bloggs-7f3c';

/**
 * Unexpected failures carrying personal data in the database error's message and detail (as a
 * constraint or trigger error quotes the row): the client gets a masked, typed error and the
 * log gets the error's type, a code and the request id, never the data, the headers or a stack.
 */
describe('errors and the log: no personal data, no stack traces (e2e)', () => {
  const { lines, destination } = captureLog();
  let ctx: E2eContext;
  let session: Session;
  let evidenceId: string;

  beforeAll(async () => {
    ctx = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'info' }, { logDestination: destination });
    const org = await createOrganisation(ctx.dataSource);
    const member = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Jo Bloggs' });
    session = await login(ctx.app, member.email);
    const created = await request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({
        query: CREATE_EVIDENCE,
        variables: {
          input: {
            kind: 'WRITTEN_REPORT',
            title: 'A report',
            dateFrom: '2026-01-15',
            description: 'Description.',
            learning: 'Learning.',
            impact: 'Impact.',
            mappings: [pcf('KNOWLEDGE', 'SOCIAL_WORKER')],
          },
        },
      });
    evidenceId = created.body.data.createEvidence.evidenceId;
    // Inserts now fail the way a check or trigger does: the message and detail quote the row.
    await ctx.dataSource.query(`
      CREATE FUNCTION e2e_refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refused row %', to_jsonb(NEW)::text
          USING DETAIL = 'Failing row contains ' || to_jsonb(NEW)::text, ERRCODE = '23514';
      END $$;
      CREATE TRIGGER e2e_refuse_attachment BEFORE INSERT ON attachment
        FOR EACH ROW EXECUTE FUNCTION e2e_refuse_row();
      CREATE TRIGGER e2e_refuse_version BEFORE INSERT ON evidence_version
        FOR EACH ROW EXECUTE FUNCTION e2e_refuse_row();`);
    lines.length = 0;
  });
  afterAll(() => ctx.close());

  const logText = () => lines.join('\n');
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, any>);

  it('should answer an unexpected failure on an HTTP route with a masked 500 and log no personal data', async () => {
    const res = await request(ctx.app.getHttpServer())
      .post(`/evidence/${evidenceId}/attachments`)
      .set('authorization', `Bearer ${session.accessToken}`)
      .set('cookie', `session=${MARKER}-cookie`)
      .set('x-request-id', 'e2e-log-request-0001')
      .set('x-file-name', `${MARKER}.pdf`)
      .set('content-type', 'application/octet-stream')
      .send(TINY_PDF);

    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'An error occurred' } });
    expect(res.text).not.toContain(MARKER);
    expect(res.text).not.toMatch(STACK_FRAME);

    const logged = parsed().find((l) => l.msg === 'unexpected error in HTTP request');
    expect(logged).toMatchObject({
      requestId: 'e2e-log-request-0001',
      error: { type: 'QueryFailedError', code: '23514' },
    });
    expect(logged!.error).not.toHaveProperty('frames');
    const text = logText();
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(session.accessToken);
    expect(text).not.toContain('Failing row');
    expect(text).not.toMatch(STACK_FRAME);
  });

  it('should answer an unexpected failure in a GraphQL mutation with a masked error and log no personal data', async () => {
    const res = await request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${session.accessToken}`)
      .set('x-request-id', 'e2e-log-request-0002')
      .send({
        query: CREATE_EVIDENCE,
        variables: {
          input: {
            kind: 'WRITTEN_REPORT',
            title: `${MARKER} report`,
            dateFrom: '2026-01-15',
            description: `${MARKER} description`,
            learning: 'Learning.',
            impact: 'Impact.',
            mappings: [pcf('KNOWLEDGE', 'SOCIAL_WORKER')],
          },
        },
      });

    expect(res.body.errors).toEqual([
      {
        message: 'An error occurred',
        path: ['createEvidence'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(res.text).not.toContain(MARKER);

    const logged = parsed().find((l) => l.msg === 'unexpected error in GraphQL operation');
    expect(logged).toMatchObject({
      req: { id: 'e2e-log-request-0002' },
      error: { type: 'QueryFailedError', code: '23514' },
    });
    const text = logText();
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(session.accessToken);
    expect(text).not.toContain('Failing row');
    expect(text).not.toMatch(STACK_FRAME);
  });

  it('should log requests as method, path and status only', async () => {
    await request(ctx.app.getHttpServer())
      .get(`/attachments/00000000-0000-4000-8000-000000000000?name=${MARKER}`)
      .set('authorization', `Bearer ${session.accessToken}`)
      .set('cookie', `session=${MARKER}`)
      .set('x-request-id', 'e2e-log-request-0003');

    const completed = parsed().find((l) => l.req?.id === 'e2e-log-request-0003' && l.res);
    expect(completed).toMatchObject({
      req: {
        id: 'e2e-log-request-0003',
        method: 'GET',
        path: '/attachments/00000000-0000-4000-8000-000000000000',
      },
      res: { statusCode: 404 },
    });
    expect(Object.keys(completed!.req).sort()).toEqual(['id', 'method', 'path']);
    expect(logText()).not.toContain(MARKER);
    expect(logText()).not.toContain(session.accessToken);
  });
});
