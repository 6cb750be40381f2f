import type { PractitionerCpdFacts } from './compliance.types.js';
import { cpdPiece, sweFacts } from './cpd.test-fixtures.js';
import { listCpdAtRisk as sut } from './list-cpd-at-risk.js';

const AS_OF = new Date('2025-11-20T12:00:00Z');

describe('listCpdAtRisk', () => {
  const team: PractitionerCpdFacts[] = [
    {
      practitionerId: 'p-met',
      facts: sweFacts({ pieces: [cpdPiece({ hasPeerReflection: true }), cpdPiece()] }),
    },
    { practitionerId: 'p-swe-b', facts: sweFacts({ pieces: [cpdPiece()] }) },
    { practitionerId: 'p-swe-a', facts: sweFacts() },
    { practitionerId: 'p-joiner', facts: sweFacts({ registeredFrom: '2025-09-15' }) },
    {
      practitionerId: 'p-niscc',
      facts: { regulator: 'NISCC', registeredFrom: '2022-11-25', pieces: [cpdPiece({ hours: 10 })] },
    },
    { practitionerId: 'p-unknown', facts: { regulator: 'NISCC', registeredFrom: null, pieces: [] } },
    {
      practitionerId: 'p-far',
      facts: { regulator: 'NISCC', registeredFrom: '2025-01-01', pieces: [] },
    },
  ];

  it('should list who is at risk, fewest days left first, then by id', () => {
    const report = sut(team, AS_OF);
    expect(report.atRisk.map((r) => [r.practitionerId, r.result.daysLeft])).toEqual([
      ['p-niscc', 4],
      ['p-swe-a', 10],
      ['p-swe-b', 10],
    ]);
  });

  it('should report who cannot be judged instead of failing', () => {
    expect(sut(team, AS_OF).notEvaluated).toEqual([
      { practitionerId: 'p-unknown', code: 'REGISTRATION_DATE_REQUIRED' },
    ]);
  });

  it('should honour atRiskWithinDays', () => {
    expect(sut(team, AS_OF, undefined, { atRiskWithinDays: 5 }).atRisk.map((r) => r.practitionerId)).toEqual([
      'p-niscc',
    ]);
  });
});
