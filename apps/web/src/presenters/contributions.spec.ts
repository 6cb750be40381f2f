import {
  contributorRoleName,
  contributorRoleWithArticle,
  isContributorRole,
  labelledQrCode,
  linkStateTag,
  originText,
} from './contributions.js';

describe('contribution presenters', () => {
  it('should name each role as a sentence takes it', () => {
    expect(contributorRoleName('CARER')).toBe('carer or family member');
    expect(contributorRoleName('PRACTICE_EDUCATOR')).toBe('off-site practice educator');
  });

  it('should name each role with its article after “as”', () => {
    expect(contributorRoleWithArticle('PROFESSIONAL')).toBe('another professional');
    expect(contributorRoleWithArticle('PRACTICE_EDUCATOR')).toBe('an off-site practice educator');
  });

  it('should know the roles it offers and no others', () => {
    expect(isContributorRole('PROFESSIONAL')).toBe(true);
    expect(isContributorRole('ORG_ADMIN')).toBe(false);
  });

  it.each([
    ['PENDING', 'Waiting'],
    ['USED', 'Received'],
    ['EXPIRED', 'Expired'],
    ['REVOKED', 'Withdrawn'],
  ] as const)('should tag a %s request as %s', (state, text) => {
    expect(linkStateTag(state).text).toBe(text);
  });

  it('should say who gave feedback, with an educator’s registration', () => {
    expect(originText({ contributorName: 'Pat Carer', contributorRole: 'CARER' })).toBe(
      'Pat Carer, a carer or family member',
    );
    expect(
      originText({
        contributorName: 'Dr Ed',
        contributorRole: 'PRACTICE_EDUCATOR',
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW123456',
      }),
    ).toBe(`Dr Ed, an off-site practice educator (registered with Social Work England, SW123456)`);
  });
});

describe('labelledQrCode', () => {
  it('should name the QR code image', () => {
    expect(labelledQrCode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toBe(
      '<svg role="img" aria-label="QR code of the link printed below" focusable="false" xmlns="http://www.w3.org/2000/svg"></svg>',
    );
  });
});
