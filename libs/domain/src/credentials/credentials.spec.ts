import { buildAchievementCredential } from './build-achievement-credential.js';
import type { CredentialFacts } from './credentials.types.js';
import { formatVerificationCode } from './format-verification-code.js';
import { normaliseVerificationCode } from './normalise-verification-code.js';

const FACTS: CredentialFacts = {
  credentialId: '00000000-0000-4000-8000-000000000001',
  kind: 'EVIDENCE_SIGN_OFF',
  sourceId: '00000000-0000-4000-8000-000000000002',
  issuer: { id: '00000000-0000-4000-8000-000000000003', name: 'Test Council' },
  subject: {
    id: '00000000-0000-4000-8000-000000000004',
    name: 'Jo Bloggs',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW1',
  },
  achievement: {
    name: 'Signed-off evidence: direct observation',
    description: 'd',
    achievementType: 'Competency',
    criteriaNarrative: 'c',
  },
  alignments: [
    {
      frameworkCode: 'PCF',
      frameworkVersion: '2018',
      itemCode: 'KNOWLEDGE',
      itemTitle: 'Knowledge',
      levelCode: 'ASYE',
      levelName: 'ASYE',
    },
  ],
  signer: {
    name: 'Sam Assessor',
    capacity: 'ASYE_ASSESSOR',
    qualification: 'PEPS_STAGE_2',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW2',
  },
  awardedOn: '2026-06-01',
  issuedAt: new Date('2026-06-02T10:00:00Z'),
  validUntil: null,
};

describe('buildAchievementCredential', () => {
  it('should shape an Open Badges 3.0 credential with the signer as evidence and no expiry', () => {
    const sut = buildAchievementCredential(FACTS) as any;
    expect(sut.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(sut.issuer).toEqual({
      id: `urn:uuid:${FACTS.issuer.id}`,
      type: ['Profile'],
      name: 'Test Council',
    });
    expect(sut.validUntil).toBeUndefined();
    expect(sut.credentialSubject.achievement.alignment[0]).toMatchObject({
      targetType: 'CFItem',
      targetCode: 'KNOWLEDGE',
      targetFramework: 'PCF 2018',
    });
    expect(sut.evidence[0].signedBy).toMatchObject({ name: 'Sam Assessor', registrationNumber: 'SW2' });
    // IdentityObjects carry only the properties Open Badges 3.0 allows (its schema forbids others).
    for (const identity of sut.credentialSubject.identifier) {
      expect(Object.keys(identity).sort()).toEqual(['hashed', 'identityHash', 'identityType', 'type']);
    }
  });

  it('should carry validUntil when the achievement expires', () => {
    const sut = buildAchievementCredential({ ...FACTS, validUntil: new Date('2027-01-01T00:00:00Z') }) as any;
    expect(sut.validUntil).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('verification codes', () => {
  it.each([
    [new Uint8Array(8), '0000-0000-0000'],
    [new Uint8Array(8).fill(255), 'ZZZZ-ZZZZ-ZZZZ'],
  ])('should format %p as %s', (bytes, code) => {
    expect(formatVerificationCode(bytes)).toBe(code);
  });

  it.each([
    ['7kq2-m9xd-4trb', '7KQ2-M9XD-4TRB'],
    ['7KQ2 M9XD 4TRB', '7KQ2-M9XD-4TRB'],
    ['OIL0-0000-0000', '0110-0000-0000'],
    ['7KQ2-M9XD-4TR', null],
    ['7KQ2-M9XD-4TRU', null],
  ])('should normalise %s to %s', (input, expected) => {
    expect(normaliseVerificationCode(input)).toBe(expected);
  });
});
