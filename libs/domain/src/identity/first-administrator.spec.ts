import {
  decideFirstAdministrator,
  organisationSlug,
  type FirstAdministratorState,
} from './first-administrator.js';

describe('organisationSlug', () => {
  it.each([
    ['Eastshire County Council', 'eastshire-county-council'],
    ['  St. Helens  ', 'st-helens'],
    ['St Helens', 'st-helens'],
    ['Brighton & Hove', 'brighton-and-hove'],
    ['Ynys Môn', 'ynys-mon'],
    ['Comhairle nan Eilean Siar', 'comhairle-nan-eilean-siar'],
    ['--Council 2027--', 'council-2027'],
    ['&', 'and'],
  ])('should give %p the slug %p', (name, slug) => {
    expect(organisationSlug(name)).toBe(slug);
  });

  it.each(['', '   ', '---', '!!!', '...'])('should give %p no slug', (name) => {
    expect(organisationSlug(name)).toBeNull();
  });

  it('should keep the slug within 100 characters without a trailing hyphen', () => {
    const slug = organisationSlug(`${'a'.repeat(99)} b`)!;
    expect(slug).toBe('a'.repeat(99));
    expect(organisationSlug('x'.repeat(200))!.length).toBe(100);
  });
});

describe('decideFirstAdministrator', () => {
  const organisation = { isDemo: false };
  const cases: [FirstAdministratorState, ReturnType<typeof decideFirstAdministrator>][] = [
    [{ organisation: null, pendingAdminInvitation: false, activeMember: false }, { kind: 'CREATE' }],
    [{ organisation, pendingAdminInvitation: true, activeMember: false }, { kind: 'REISSUE' }],
    [
      { organisation, pendingAdminInvitation: false, activeMember: true },
      { kind: 'REFUSE', reason: 'ALREADY_MEMBER' },
    ],
    [
      { organisation, pendingAdminInvitation: true, activeMember: true },
      { kind: 'REFUSE', reason: 'ALREADY_MEMBER' },
    ],
    [
      { organisation, pendingAdminInvitation: false, activeMember: false },
      { kind: 'REFUSE', reason: 'ORGANISATION_EXISTS' },
    ],
    [
      { organisation: { isDemo: true }, pendingAdminInvitation: true, activeMember: false },
      { kind: 'REFUSE', reason: 'DEMO_ORGANISATION' },
    ],
  ];
  it.each(cases)('should decide %j as %j', (state, step) => {
    expect(decideFirstAdministrator(state)).toEqual(step);
  });

  it('should create only when no organisation has the slug, whatever else holds', () => {
    for (const pendingAdminInvitation of [false, true])
      for (const activeMember of [false, true])
        for (const org of [null, organisation, { isDemo: true }])
          expect(
            decideFirstAdministrator({ organisation: org, pendingAdminInvitation, activeMember }).kind ===
              'CREATE',
          ).toBe(org === null);
  });
});
