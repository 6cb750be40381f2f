import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import request from 'supertest';
import { createMember, createOrganisation, type CreatedMember } from '#app/testing';
import { captureLog, STACK_FRAME } from './support/captured-log.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { CREATE_EVIDENCE, pcf, TINY_PDF } from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

/** Long enough for a prompt answer on a busy machine; short enough that a hang fails the test, not the run. */
const ANSWER_WITHIN_MS = 5_000;

/**
 * Bad input on the plain HTTP routes (beside GraphQL): a refusal with 400 BAD_USER_INPUT naming the
 * field, not a 500 logged as an error; an upload in a type the body parsers consume answered at once
 * (415), not left hanging; and a client trickling its body cut off with 408 after HTTP_REQUEST_TIMEOUT_SECONDS.
 */
describe('plain HTTP routes: bad input and slow bodies (e2e)', () => {
  const { lines, destination } = captureLog();
  let ctx: E2eContext;
  let server: Server;
  let practitioner: CreatedMember;
  let session: Session;
  let evidenceId: string;

  beforeAll(async () => {
    ctx = await createTestApp(
      { LOG_LEVEL: 'info', HTTP_REQUEST_TIMEOUT_SECONDS: '1', VERIFY_RATE_LIMIT_PER_MINUTE: '10000' },
      { logDestination: destination },
    );
    server = ctx.app.getHttpServer() as Server;
    // Listening once for the whole file: the raw-socket tests need an address, supertest reuses it.
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const org = await createOrganisation(ctx.dataSource);
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    session = await login(ctx.app, practitioner.email);
    const created = await request(server)
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
  });
  beforeEach(() => {
    lines.length = 0;
  });
  afterAll(() => ctx.close());

  /** Nothing at error level (pino: 50 and above) and no stack trace anywhere in the log. */
  const expectNoErrorLogged = () => {
    const errors = lines
      .map((l) => JSON.parse(l) as { level: number; msg?: string })
      .filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
    expect(lines.join('\n')).not.toMatch(STACK_FRAME);
  };

  describe('POST /verify', () => {
    const verify = (body: string) =>
      request(server)
        .post('/verify')
        .set('content-type', 'application/json')
        .timeout(ANSWER_WITHIN_MS)
        .send(body);

    it.each([
      ['an empty object', '{}', ['credential', 'code']],
      ['a code that is a number', '{"code":123}', ['code']],
      ['a credential that is a number', '{"credential":5}', ['credential']],
      ['an unknown field', '{"code":"ABCD-1234","isAdmin":true}', ['isAdmin']],
      ['a NUL character', '{"code":"ABCD\\u00001234"}', ['code']],
    ])('should refuse %s with 400 BAD_USER_INPUT naming the field', async (_label, body, fields) => {
      const res = await verify(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: fields[0] });
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(fields);
      expect(res.text).not.toMatch(STACK_FRAME);
      expectNoErrorLogged();
    });

    it.each([
      ['not JSON', '{"code":'],
      ['a JSON array', '[]'],
      ['a JSON string', '"ABCD-1234"'],
    ])('should refuse a body that is %s with 400 BAD_USER_INPUT', async (_label, body) => {
      const res = await verify(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
      expectNoErrorLogged();
    });

    it('should refuse a body in a type it does not read (text) as if empty, naming the fields', async () => {
      const res = await request(server)
        .post('/verify')
        .set('content-type', 'text/plain')
        .timeout(ANSWER_WITHIN_MS)
        .send('ABCD-1234');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'credential' });
      expectNoErrorLogged();
    });

    it('should still verify a well-formed request', async () => {
      const res = await verify('{"code":"NO-SUCH-CODE"}');
      expect(res.status).toBe(200);
      expect(res.body.verified).toBe(false);
    });
  });

  it('should refuse a verification code with a NUL character in the path with 400 naming it', async () => {
    const res = await request(server).get('/verify/ABCD%001234').timeout(ANSWER_WITHIN_MS);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expectNoErrorLogged();
  });

  it.each([
    ['get', '/issuers/not-a-uuid', 'organisationId'],
    ['get', '/issuers/not-a-uuid/jwks.json', 'organisationId'],
    ['get', '/issuers/00000000-0000-4000-8000-000000000000/keys/a%00b', 'kid'],
    ['get', '/attachments/not-a-uuid', 'id'],
    ['post', '/evidence/not-a-uuid/attachments', 'evidenceId'],
    ['get', '/practitioners/not-a-uuid/portfolio.pdf', 'practitionerUserId'],
    ['get', '/subject-access-exports/not-a-uuid/archive.zip', 'id'],
    ['get', '/moderation-packs/not-a-uuid/portfolios.zip', 'packId'],
  ] as const)('should refuse %s %s with 400 BAD_USER_INPUT naming %s', async (method, path, field) => {
    const client = request(server);
    const res = await client[method](path)
      .set('authorization', `Bearer ${session.accessToken}`)
      .set('content-type', 'application/octet-stream')
      .timeout(ANSWER_WITHIN_MS);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expectNoErrorLogged();
  });

  it('should refuse a path with broken percent-encoding with 400', async () => {
    const res = await request(server).get('/verify/%FF').timeout(ANSWER_WITHIN_MS);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expectNoErrorLogged();
  });

  describe('GET /practitioners/:id/cpd-log.csv', () => {
    const get = (path: string) =>
      request(server)
        .get(path)
        .set('authorization', `Bearer ${session.accessToken}`)
        .timeout(ANSWER_WITHIN_MS);

    it.each([
      ['registrationYear=bad', 'registrationYear'],
      ['registrationYear=2025-26&registrationYear=2026-27', 'registrationYear'],
      ['registrationYear=2025-26%00', 'registrationYear'],
      ['format=xlsx', 'format'],
    ])('should refuse ?%s with 400 BAD_USER_INPUT naming the field', async (query, field) => {
      const res = await get(`/practitioners/${practitioner.user.id}/cpd-log.csv?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expectNoErrorLogged();
    });

    it('should refuse an identifier that is not a UUID with 400 naming the parameter', async () => {
      const res = await get('/practitioners/not-a-uuid/cpd-log.csv');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'practitionerUserId' });
      expectNoErrorLogged();
    });
  });

  describe('POST /evidence/:id/attachments', () => {
    const upload = (contentType: string, body: string | Buffer) =>
      request(server)
        .post(`/evidence/${evidenceId}/attachments`)
        .set('authorization', `Bearer ${session.accessToken}`)
        .set('x-file-name', 'report.pdf')
        .set('content-type', contentType)
        .timeout(ANSWER_WITHIN_MS)
        .send(body);

    it.each([
      ['application/json', '{"file":"%PDF-1.4"}'],
      ['application/json; charset=utf-8', '{}'],
      ['application/x-www-form-urlencoded', 'file=%25PDF-1.4'],
    ])('should answer an upload sent as %s at once with 415 naming the header', async (contentType, body) => {
      const res = await upload(contentType, body);
      expect(res.status).toBe(415);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content-type' });
      expectNoErrorLogged();
    });

    it('should answer many such uploads at once, holding no socket open', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => upload('application/json', '{"file":"x"}')),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(415));
    });

    it('should read an empty raw body as an empty file, not refuse its type', async () => {
      const res = await upload('application/octet-stream', Buffer.alloc(0));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ domainCode: 'ATTACHMENT_TYPE_NOT_ALLOWED', field: 'file' });
    });

    it('should still take the file as the raw body', async () => {
      const res = await upload('application/octet-stream', TINY_PDF);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ fileName: 'report.pdf', contentType: 'application/pdf' });
    });
  });

  /**
   * Sends the request head, then one byte of the body every 200 ms (never all of it); resolves with what
   * the server wrote back once it closes the connection, or with `closed: false` after `giveUpMs`.
   */
  const trickle = (head: string, giveUpMs = 6_000) =>
    new Promise<{ closed: boolean; response: string; ms: number }>((resolve) => {
      const { port } = server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      const started = Date.now();
      let response = '';
      let drip: NodeJS.Timeout | undefined;
      const finish = (closed: boolean) => {
        clearInterval(drip);
        clearTimeout(giveUp);
        socket.destroy();
        resolve({ closed, response, ms: Date.now() - started });
      };
      const giveUp = setTimeout(() => finish(false), giveUpMs);
      socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
      socket.on('close', () => finish(true));
      socket.on('error', () => undefined);
      socket.on('connect', () => {
        socket.write(head);
        drip = setInterval(() => socket.write('x'), 200);
      });
    });

  it('should cut off an upload whose body trickles in, with 408', async () => {
    const result = await trickle(
      `POST /evidence/${evidenceId}/attachments HTTP/1.1\r\nhost: 127.0.0.1\r\n` +
        `authorization: Bearer ${session.accessToken}\r\nx-file-name: slow.pdf\r\n` +
        'content-type: application/octet-stream\r\ncontent-length: 100000\r\n\r\n%PDF-1.4\n',
    );
    expect(result.closed).toBe(true);
    expect(result.response).toMatch(/^HTTP\/1\.1 408/);
    expectNoErrorLogged();
  });

  it('should cut off a JSON body that trickles in, with 408', async () => {
    const result = await trickle(
      'POST /verify HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        'content-length: 100000\r\n\r\n{"code":"',
    );
    expect(result.closed).toBe(true);
    expect(result.response).toMatch(/^HTTP\/1\.1 408/);
    expectNoErrorLogged();
  });
});
