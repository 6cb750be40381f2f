import { issuableCredentials } from './credentials.js';

describe('issuableCredentials', () => {
  const qualifications = [
    { id: 'q-verified', title: 'PEPS Stage 2', verifiedAt: '2026-07-01T09:00:00Z' },
    { id: 'q-unverified', title: 'BIA', verifiedAt: null },
  ];
  const stages = [
    { id: 's-applied', stageName: 'Social worker', applicationId: 'a-1' },
    { id: 's-recorded', stageName: 'Newly qualified social worker (ASYE)', applicationId: null },
  ];

  it('should offer verified qualifications and stages reached by an approved application', () => {
    expect(issuableCredentials(qualifications, stages, [])).toEqual([
      { kind: 'QUALIFICATION', sourceId: 'q-verified', description: 'PEPS Stage 2' },
      { kind: 'STAGE_AWARD', sourceId: 's-applied', description: 'Social worker' },
    ]);
  });

  it('should leave out what already has a credential, unless that one was revoked', () => {
    const sut = issuableCredentials(qualifications, stages, [
      { kind: 'QUALIFICATION', sourceId: 'q-verified', revokedAt: null },
      { kind: 'STAGE_AWARD', sourceId: 's-applied', revokedAt: '2026-11-01T09:00:00Z' },
    ]);
    expect(sut.map((i) => i.sourceId)).toEqual(['s-applied']);
  });
});
