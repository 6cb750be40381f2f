import type { RequestWithPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { toGlobalId, type NodeTypeName } from '../../graphql/global-id.js';
import type { OrganisationService } from '../organisation/organisation.service.js';
import type { PortfolioQueryService } from '../portfolio/portfolio-query.service.js';
import type { ApplicationsService } from '../progression/applications.service.js';
import type { PathwaysService } from '../progression/pathways.service.js';
import { NodeService } from './node.service.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const principal = {
  userId: uuid(99),
  organisationId: uuid(98),
  roles: ['PRACTITIONER'],
} as unknown as Principal;

/** Each type's batched read, recording what it was asked; it knows only the uuids in `known`. */
function fakeServices(known: Set<string>) {
  const calls: { typeName: NodeTypeName; ids: string[] }[] = [];
  const read = (typeName: NodeTypeName) => async (p: Principal, ids: readonly string[]) => {
    expect(p).toBe(principal);
    calls.push({ typeName, ids: [...ids] });
    return ids.map((id) =>
      known.has(id) ? { id, status: 'PUBLISHED', design: { stages: [], routes: [] } } : null,
    );
  };
  const portfolio = { evidenceByIds: read('Evidence'), versionsByIds: read('EvidenceVersion') };
  const organisation = { membersByIds: read('Member') };
  const pathways = { pathwaysByIds: read('Pathway'), versionsByIds: read('PathwayVersion') };
  const applications = { applicationsByIds: read('ProgressionApplication') };
  const sut = new NodeService(
    portfolio as unknown as PortfolioQueryService,
    organisation as unknown as OrganisationService,
    pathways as unknown as PathwaysService,
    applications as unknown as ApplicationsService,
  );
  return { sut, calls };
}

const request = () => ({ principal }) as unknown as RequestWithPrincipal;

describe('NodeService', () => {
  it('should answer in the order asked, one read per type, and null where a read found nothing', async () => {
    const { sut, calls } = fakeServices(new Set([uuid(1), uuid(2), uuid(3)]));
    const ids = [
      toGlobalId('Member', uuid(1)),
      toGlobalId('Evidence', uuid(2)),
      toGlobalId('Evidence', uuid(4)),
      toGlobalId('Member', uuid(3)),
    ];

    const result = await sut.loaderFor(request()).loadMany(ids);

    expect(result.map((n) => n && !(n instanceof Error) && `${n.__typename}:${n.id}`)).toEqual([
      `Member:${uuid(1)}`,
      `Evidence:${uuid(2)}`,
      null,
      `Member:${uuid(3)}`,
    ]);
    expect(calls.sort((a, b) => a.typeName.localeCompare(b.typeName))).toEqual([
      { typeName: 'Evidence', ids: [uuid(2), uuid(4)] },
      { typeName: 'Member', ids: [uuid(1), uuid(3)] },
    ]);
  });

  it('should read nothing for ids that are not global ids, and answer null for each', async () => {
    const { sut, calls } = fakeServices(new Set([uuid(1)]));

    const result = await sut.loaderFor(request()).loadMany([uuid(1), 'nonsense', '', 'T3JnYW5pc2F0aW9uOng']);

    expect(result).toEqual([null, null, null, null]);
    expect(calls).toEqual([]);
  });

  it('should map a pathway version to its model, typed as PathwayVersion', async () => {
    const { sut } = fakeServices(new Set([uuid(5)]));

    const version = await sut.loaderFor(request()).load(toGlobalId('PathwayVersion', uuid(5)));

    expect(version).toMatchObject({ __typename: 'PathwayVersion', id: uuid(5), stages: [], routes: [] });
  });

  it('should keep one loader per request, so a second request reads again', async () => {
    const { sut, calls } = fakeServices(new Set([uuid(1)]));
    const [first, second] = [request(), request()];
    const id = toGlobalId('Pathway', uuid(1));

    await sut.loaderFor(first).load(id);
    await sut.loaderFor(first).load(id);
    await sut.loaderFor(second).load(id);

    expect(sut.loaderFor(first)).toBe(sut.loaderFor(first));
    expect(sut.loaderFor(first)).not.toBe(sut.loaderFor(second));
    expect(calls).toHaveLength(2);
  });
});
