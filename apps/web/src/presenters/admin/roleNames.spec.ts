import { grantableRoles, roleCheckboxItems, roleList, rolesFromForm } from './roleNames.js';

describe('roleNames', () => {
  it.each([
    [['ORG_ADMIN'], 6],
    [['PRINCIPAL_SOCIAL_WORKER'], 4],
    [['PRACTITIONER', 'SUPERVISOR'], 0],
  ])('should offer %j %i roles to grant', (caller, count) => {
    expect(grantableRoles(caller)).toHaveLength(count);
  });

  it('should not offer a PSW the administrator or PSW roles', () => {
    expect(grantableRoles(['PRINCIPAL_SOCIAL_WORKER'])).toEqual([
      'PRACTITIONER',
      'ASSESSOR',
      'PRACTICE_EDUCATOR',
      'SUPERVISOR',
    ]);
  });

  it.each([
    [undefined, []],
    ['SUPERVISOR', ['SUPERVISOR']],
    [
      ['ORG_ADMIN', 'PRACTITIONER', 'NOT_A_ROLE', 7],
      ['PRACTITIONER', 'ORG_ADMIN'],
    ],
  ])('should read the ticked boxes %j as %j', (posted, roles) => {
    expect(rolesFromForm(posted)).toEqual(roles);
  });

  it('should name roles in plain English, practice roles first', () => {
    expect(roleList(['SUPERVISOR', 'PRACTITIONER', 'ASSESSOR'])).toBe(
      'Practitioner, ASYE assessor, Supervisor',
    );
  });

  it('should tick the roles held among those the caller may grant', () => {
    const items = roleCheckboxItems(['PRINCIPAL_SOCIAL_WORKER'], ['PRACTITIONER', 'ORG_ADMIN']);
    expect(items.map((i) => [i.value, i.checked])).toEqual([
      ['PRACTITIONER', true],
      ['ASSESSOR', false],
      ['PRACTICE_EDUCATOR', false],
      ['SUPERVISOR', false],
    ]);
  });
});
