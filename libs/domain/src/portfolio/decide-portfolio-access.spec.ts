import type { Role } from '../identity/roles.js';
import { decidePortfolioAccess } from './decide-portfolio-access.js';

describe('decidePortfolioAccess', () => {
  const owner = 'owner';
  it.each<[string, string, Role[], boolean, ReturnType<typeof decidePortfolioAccess>]>([
    ['the owner', owner, ['PRACTITIONER'], false, 'OWNER'],
    ['the owner who is also a PSW', owner, ['PRINCIPAL_SOCIAL_WORKER', 'PRACTITIONER'], false, 'OWNER'],
    ['a PSW', 'psw', ['PRINCIPAL_SOCIAL_WORKER'], false, 'ORGANISATION_READER'],
    ['an assigned assessor', 'assessor', ['ASSESSOR'], true, 'REVIEWER'],
    ['an assessor never assigned', 'assessor', ['ASSESSOR'], false, null],
    ['an administrator', 'admin', ['ORG_ADMIN'], false, null],
    ['another practitioner', 'peer', ['PRACTITIONER'], false, null],
  ])('should give %s %s access', (_label, viewerUserId, viewerRoles, assigned, expected) => {
    expect(
      decidePortfolioAccess({
        viewerUserId,
        viewerRoles,
        ownerUserId: owner,
        viewerIsAssignedReviewer: assigned,
      }),
    ).toBe(expected);
  });
});
