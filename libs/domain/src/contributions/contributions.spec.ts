import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { isValidRegistrationNumber } from '../identity/is-valid-registration-number.js';
import { EVIDENCE_STATUSES } from '../portfolio/portfolio.types.js';
import { assertCanRequestContribution } from './assert-can-request-contribution.js';
import { checkContributorStatement, checkCountersignature } from './check-contributor-statement.js';
import { contributionLinkExpiry } from './contribution-link-expiry.js';
import { contributionLinkState } from './contribution-link-state.js';
import {
  CONTRIBUTOR_ROLES,
  type ContributionTargetFacts,
  type ContributorStatement,
  type CountersignatureStatement,
} from './contributions.types.js';
import { feedbackKindFor } from './feedback-kind-for.js';

const at = (iso: string) => new Date(iso);

describe('contributionLinkState', () => {
  const issued = at('2026-12-01T10:00:00Z');
  const expiresAt = contributionLinkExpiry(issued);
  const pending = { expiresAt, usedAt: null, revokedAt: null };

  it('should expire 14 days after issue by default, and after the days given otherwise', () => {
    expect(expiresAt.toISOString()).toBe('2026-12-15T10:00:00.000Z');
    expect(contributionLinkExpiry(issued, 1).toISOString()).toBe('2026-12-02T10:00:00.000Z');
  });

  it.each([
    ['pending just before expiry', pending, '2026-12-15T09:59:59.999Z', 'PENDING'],
    ['expired at the expiry instant', pending, '2026-12-15T10:00:00.000Z', 'EXPIRED'],
    [
      'revoked before expiry',
      { ...pending, revokedAt: at('2026-12-02T00:00:00Z') },
      '2026-12-03T00:00:00Z',
      'REVOKED',
    ],
    [
      'revoked, not expired, when both apply',
      { ...pending, revokedAt: at('2026-12-02T00:00:00Z') },
      '2027-01-01T00:00:00Z',
      'REVOKED',
    ],
    [
      'used, whatever came later',
      { ...pending, usedAt: at('2026-12-02T00:00:00Z') },
      '2027-01-01T00:00:00Z',
      'USED',
    ],
  ] as const)('should be %s', (_, facts, now, state) => {
    expect(contributionLinkState(facts, at(now))).toBe(state);
  });
});

describe('assertCanRequestContribution', () => {
  const feedback: ContributionTargetFacts = {
    actorUserId: 'a',
    ownerUserId: 'a',
    isCurrentVersion: true,
    versionStatus: 'DRAFT',
    purpose: 'FEEDBACK',
    contributorRole: 'CARER',
  };
  const countersignature: ContributionTargetFacts = {
    ...feedback,
    isCurrentVersion: false,
    versionStatus: 'APPROVED',
    purpose: 'COUNTERSIGNATURE',
    contributorRole: 'PRACTICE_EDUCATOR',
  };

  it('should let the owner ask for feedback on the newest version, whatever its status', () => {
    for (const versionStatus of EVIDENCE_STATUSES) {
      expect(() => assertCanRequestContribution({ ...feedback, versionStatus })).not.toThrow();
    }
  });

  it('should let the owner ask an off-site practice educator to countersign an approved version, newest or not', () => {
    expect(() => assertCanRequestContribution(countersignature)).not.toThrow();
    expect(() => assertCanRequestContribution({ ...countersignature, isCurrentVersion: true })).not.toThrow();
  });

  it.each([
    [
      'someone else’s evidence as not found',
      { ...feedback, actorUserId: 'b' },
      'EVIDENCE_NOT_FOUND',
      'input.evidenceVersionId',
    ],
    [
      'feedback on a replaced version',
      { ...feedback, isCurrentVersion: false },
      'EVIDENCE_NOT_EDITABLE',
      'input.evidenceVersionId',
    ],
    [
      'a countersignature of someone else’s evidence as not found',
      { ...countersignature, actorUserId: 'b' },
      'EVIDENCE_NOT_FOUND',
      'input.evidenceVersionId',
    ],
    [
      'a countersignature on a version sent back',
      { ...countersignature, versionStatus: 'CHANGES_REQUESTED' },
      'COUNTERSIGNATURE_NOT_POSSIBLE',
      'input.evidenceVersionId',
    ],
    [
      'a countersignature on a version not yet decided',
      { ...countersignature, versionStatus: 'SUBMITTED' },
      'COUNTERSIGNATURE_NOT_POSSIBLE',
      'input.evidenceVersionId',
    ],
    [
      'a countersignature asked of a carer',
      { ...countersignature, contributorRole: 'CARER' },
      'COUNTERSIGNATURE_NOT_POSSIBLE',
      'input.contributorRole',
    ],
  ] as const)('should refuse %s', (_, facts, code, field) => {
    expect(() => assertCanRequestContribution(facts)).toThrow(expect.objectContaining({ code, field }));
  });

  it('should allow a countersignature exactly when the owner asks an off-site practice educator about an approved version', () => {
    fc.assert(
      fc.property(
        fc.record({
          actorUserId: fc.constantFrom('a', 'b'),
          ownerUserId: fc.constant('a'),
          isCurrentVersion: fc.boolean(),
          versionStatus: fc.constantFrom(...EVIDENCE_STATUSES),
          purpose: fc.constant('COUNTERSIGNATURE' as const),
          contributorRole: fc.constantFrom(...CONTRIBUTOR_ROLES),
        }),
        (facts) => {
          const allowed =
            facts.actorUserId === facts.ownerUserId &&
            facts.versionStatus === 'APPROVED' &&
            facts.contributorRole === 'PRACTICE_EDUCATOR';
          let refused: unknown = null;
          try {
            assertCanRequestContribution(facts);
          } catch (error) {
            refused = error;
          }
          expect(refused === null).toBe(allowed);
          if (refused) expect(refused).toBeInstanceOf(DomainError);
        },
      ),
    );
  });
});

describe('checkCountersignature', () => {
  const statement: CountersignatureStatement = {
    name: '  Priya Educator ',
    relationship: ' Her off-site practice educator on placement ',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'sw 123456',
    countersigns: true,
    comment: '  ',
  };

  it('should keep a countersignature trimmed, its registration normalised, and no empty comment', () => {
    expect(checkCountersignature(statement)).toEqual({
      name: 'Priya Educator',
      role: 'PRACTICE_EDUCATOR',
      relationship: 'Her off-site practice educator on placement',
      regulator: 'SOCIAL_WORK_ENGLAND',
      registrationNumber: 'SW123456',
      countersigns: true,
      comment: null,
    });
  });

  it('should keep the reasons of one who does not countersign', () => {
    expect(
      checkCountersignature({ ...statement, countersigns: false, comment: ' Domain 6 is not shown. ' }),
    ).toMatchObject({ countersigns: false, comment: 'Domain 6 is not shown.' });
  });

  it.each([
    ['no name', { name: ' ' }, 'CONTRIBUTION_STATEMENT_INVALID', 'input.name'],
    ['no relationship', { relationship: '' }, 'CONTRIBUTION_STATEMENT_INVALID', 'input.relationship'],
    ['no regulator', { regulator: null }, 'REGULATOR_REQUIRED', 'input.regulator'],
    [
      'a registration number of the wrong form',
      { registrationNumber: '123456' },
      'REGISTRATION_NUMBER_INVALID',
      'input.registrationNumber',
    ],
    [
      'no registration number',
      { registrationNumber: null },
      'REGISTRATION_NUMBER_INVALID',
      'input.registrationNumber',
    ],
    [
      'a refusal without reasons',
      { countersigns: false, comment: '  ' },
      'CONTRIBUTION_STATEMENT_INVALID',
      'input.comment',
    ],
  ] as const)('should refuse %s, naming the field', (_, change, code, field) => {
    expect(() => checkCountersignature({ ...statement, ...change })).toThrow(
      expect.objectContaining({ code, field }),
    );
  });
});

describe('feedbackKindFor', () => {
  it.each([
    ['PERSON_WHO_USES_SERVICES', 'SERVICE_USER_FEEDBACK'],
    ['CARER', 'SERVICE_USER_FEEDBACK'],
    ['PROFESSIONAL', 'PROFESSIONAL_FEEDBACK'],
    ['PRACTICE_EDUCATOR', 'PROFESSIONAL_FEEDBACK'],
  ] as const)('should count %s as %s', (role, kind) => {
    expect(feedbackKindFor(role)).toBe(kind);
  });
});

describe('isValidRegistrationNumber', () => {
  it.each([
    ['SOCIAL_WORK_ENGLAND', 'SW123456', true],
    ['SOCIAL_WORK_ENGLAND', 'sw 12345', true],
    ['SOCIAL_WORK_ENGLAND', '123456', false],
    ['SOCIAL_WORK_ENGLAND', 'SW12AB', false],
    ['SOCIAL_WORK_ENGLAND', 'SW', false],
    ['SSSC', '1234567', true],
    ['NISCC', '12-34', false],
    ['SOCIAL_CARE_WALES', 'AB1', false],
  ] as const)('should judge %s number %s as %s', (regulator, number, valid) => {
    expect(isValidRegistrationNumber(regulator, number)).toBe(valid);
  });
});

describe('checkContributorStatement', () => {
  const statement: ContributorStatement = {
    name: '  Sam Carer ',
    role: 'CARER',
    relationship: 'My mother’s social worker',
    feedback: 'Listened and explained every step.',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW1',
  };

  it('should trim the text, count a carer as feedback from people, and keep no registration', () => {
    expect(checkContributorStatement(statement)).toEqual({
      name: 'Sam Carer',
      role: 'CARER',
      relationship: 'My mother’s social worker',
      feedback: 'Listened and explained every step.',
      regulator: null,
      registrationNumber: null,
      kind: 'SERVICE_USER_FEEDBACK',
    });
  });

  it('should keep an off-site practice educator’s registration, normalised', () => {
    const sut = checkContributorStatement({
      ...statement,
      role: 'PRACTICE_EDUCATOR',
      registrationNumber: 'sw 98765',
    });
    expect(sut).toEqual(
      expect.objectContaining({
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW98765',
        kind: 'PROFESSIONAL_FEEDBACK',
      }),
    );
  });

  it.each([
    ['a blank name', { name: '  ' }, 'CONTRIBUTION_STATEMENT_INVALID', 'input.name'],
    ['a blank relationship', { relationship: '' }, 'CONTRIBUTION_STATEMENT_INVALID', 'input.relationship'],
    ['blank feedback', { feedback: ' ' }, 'CONTRIBUTION_STATEMENT_INVALID', 'input.feedback'],
    [
      'an educator without a regulator',
      { role: 'PRACTICE_EDUCATOR', regulator: null },
      'REGULATOR_REQUIRED',
      'input.regulator',
    ],
    [
      'an educator without a number',
      { role: 'PRACTICE_EDUCATOR', registrationNumber: null },
      'REGISTRATION_NUMBER_INVALID',
      'input.registrationNumber',
    ],
    [
      'an educator’s number of the wrong form',
      { role: 'PRACTICE_EDUCATOR', registrationNumber: '12345' },
      'REGISTRATION_NUMBER_INVALID',
      'input.registrationNumber',
    ],
  ] as const)('should refuse %s, naming the field', (_, change, code, field) => {
    let error: unknown;
    try {
      checkContributorStatement({ ...statement, ...change });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toEqual(expect.objectContaining({ code, field }));
  });
});
