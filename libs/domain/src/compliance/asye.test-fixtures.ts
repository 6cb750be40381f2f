import type { AsyeEvidenceFacts, AsyeProgrammeFacts } from './asye.types.js';

export function asyeProgramme(overrides: Partial<AsyeProgrammeFacts> = {}): AsyeProgrammeFacts {
  return {
    practitionerUserId: 'nqsw',
    assessorUserId: 'assessor',
    lineManagerUserId: 'manager',
    startDate: '2025-01-15',
    contractedHoursPerWeek: 37,
    pauses: [],
    reviews: [],
    evidence: [],
    protectedTime: [],
    recommendation: null,
    secondOpinion: null,
    confirmation: null,
    ...overrides,
  };
}

let next = 0;

export function asyeEvidence(overrides: Partial<AsyeEvidenceFacts> = {}): AsyeEvidenceFacts {
  next += 1;
  return {
    evidenceId: `ev-${next}`,
    kind: 'DIRECT_OBSERVATION',
    date: '2025-03-01',
    status: 'APPROVED',
    ...overrides,
  };
}

/** Everything the default policy asks for: 3 of each kind and reflections at 6 and 12 months. */
export function completeAsyeEvidence(): AsyeEvidenceFacts[] {
  const kinds = [
    'DIRECT_OBSERVATION',
    'SERVICE_USER_FEEDBACK',
    'PROFESSIONAL_FEEDBACK',
    'WRITTEN_REPORT',
  ] as const;
  return [
    ...kinds.flatMap((kind) => [1, 2, 3].map(() => asyeEvidence({ kind }))),
    asyeEvidence({ kind: 'CRITICAL_REFLECTION', date: '2025-07-10' }),
    asyeEvidence({ kind: 'CRITICAL_REFLECTION', date: '2026-01-10' }),
  ];
}
