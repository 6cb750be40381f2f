import type { CpdComplianceFacts, CpdPieceFacts } from './compliance.types.js';

let next = 0;

/** A complete piece of CPD; every call gets its own id and title, so pieces differ unless told otherwise. */
export function cpdPiece(overrides: Partial<CpdPieceFacts> = {}): CpdPieceFacts {
  next += 1;
  return {
    evidenceId: `ev-${next}`,
    kind: 'CPD_ACTIVITY',
    date: '2025-03-10',
    endDate: null,
    hours: null,
    title: `Training session ${next}`,
    description: 'A half-day course on strengths-based practice.',
    learning: 'How to frame assessments around strengths.',
    impact: 'My assessments now start from what families do well.',
    hasPeerReflection: false,
    status: 'SUBMITTED',
    ...overrides,
  };
}

export function sweFacts(overrides: Partial<CpdComplianceFacts> = {}): CpdComplianceFacts {
  return { regulator: 'SOCIAL_WORK_ENGLAND', registeredFrom: '2020-06-01', pieces: [], ...overrides };
}
