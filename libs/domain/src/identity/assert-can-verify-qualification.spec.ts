import type { Role } from './roles.js';
import { assertCanVerifyQualification } from './assert-can-verify-qualification.js';

describe('assertCanVerifyQualification', () => {
  it.each<[Role[]]>([[['PRINCIPAL_SOCIAL_WORKER']], [['ORG_ADMIN']], [['ORG_ADMIN', 'PRACTITIONER']]])(
    'should let %s verify someone else’s qualification',
    (roles) => {
      expect(() =>
        assertCanVerifyQualification({ verifierUserId: 'a', verifierRoles: roles, holderUserId: 'b' }),
      ).not.toThrow();
    },
  );

  it.each<[Role[]]>([[['PRACTITIONER']], [['ASSESSOR']], [['PRACTICE_EDUCATOR', 'SUPERVISOR']]])(
    'should refuse %s with ROLE_REQUIRED',
    (roles) => {
      expect(() =>
        assertCanVerifyQualification({ verifierUserId: 'a', verifierRoles: roles, holderUserId: 'b' }),
      ).toThrow(expect.objectContaining({ code: 'ROLE_REQUIRED' }));
    },
  );

  it('should refuse verifying one’s own qualification, even as a PSW', () => {
    expect(() =>
      assertCanVerifyQualification({
        verifierUserId: 'a',
        verifierRoles: ['PRINCIPAL_SOCIAL_WORKER'],
        holderUserId: 'a',
      }),
    ).toThrow(expect.objectContaining({ code: 'SELF_REVIEW' }));
  });
});
