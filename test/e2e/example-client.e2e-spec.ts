// The example client under examples/typed-client, run as a developer would run it: over HTTP against
// the real API listening on a port, with nothing of Pathways' own code on its side.
import type { AddressInfo } from 'node:net';
import { createMember, createOrganisation, TEST_PASSWORD, type CreatedMember } from '#app/testing';
import { createPathwaysClient, PathwaysError } from '../../examples/typed-client/src/client.ts';
import { RecordCpdDocument } from '../../examples/typed-client/src/generated/graphql.ts';
import { describeWhereIStand, readWholePortfolio } from '../../examples/typed-client/src/main.ts';
import { createTestApp, type E2eContext } from './support/create-test-app.js';

describe('the example typed client (e2e)', () => {
  let ctx: E2eContext;
  let url: string;
  let practitioner: CreatedMember;

  beforeAll(async () => {
    ctx = await createTestApp();
    await ctx.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    const org = await createOrganisation(ctx.dataSource, { name: 'Westshire Council' });
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Ada Example' });
  });
  afterAll(() => ctx.close());

  const cpd = (title: string, dateFrom: string) => ({
    input: { kind: 'CPD_ACTIVITY' as const, cpdActivityType: 'TRAINING' as const, title, dateFrom, hours: 3 },
  });

  it('should sign in, record CPD and read the whole portfolio a page at a time', async () => {
    const client = createPathwaysClient(url);
    await client.signIn(practitioner.email, TEST_PASSWORD);
    for (const [title, day] of [
      ['Court skills day', '2026-01-12'],
      ['Trauma-informed practice', '2026-02-03'],
      ['Reflective writing workshop', '2026-03-09'],
    ] as const) {
      const { createEvidence } = await client.request(RecordCpdDocument, cpd(title, day));
      expect(createEvidence).toMatchObject({ title, status: 'DRAFT', hours: 3 });
    }

    // One piece per request: three pages, followed by their cursors, newest first.
    expect((await readWholePortfolio(client, 1)).map((p) => p.title)).toEqual([
      'Reflective writing workshop',
      'Trauma-informed practice',
      'Court skills day',
    ]);
    const lines = await describeWhereIStand(client);
    expect(lines[0]).toBe('Ada Example, Westshire Council');
    expect(lines[1]).toMatch(/^CPD \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(SOCIAL_WORK_ENGLAND\): /);
    expect(lines).toContain('Portfolio: 3 pieces');
    expect(lines).toContain('  2026-03-09 CPD_ACTIVITY DRAFT: Reflective writing workshop');
  });

  it("should give the API's refusals as typed errors naming the field", async () => {
    const client = createPathwaysClient(url);
    const wrong = await client.signIn(practitioner.email, 'not-the-password').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(PathwaysError);
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED' });

    const anonymous = await readWholePortfolio(client).catch((e: unknown) => e);
    expect(anonymous).toMatchObject({ code: 'UNAUTHENTICATED' });

    await client.signIn(practitioner.email, TEST_PASSWORD);
    const invalid = await client.request(RecordCpdDocument, cpd('', '2026-01-12')).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
  });
});
