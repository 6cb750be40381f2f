import { cpdComplianceHistory } from './cpd-compliance-history.js';
import { cpdPiece, sweFacts } from './cpd.test-fixtures.js';

describe('cpdComplianceHistory', () => {
  const asOf = new Date('2026-11-24T12:00:00Z'); // 2025–26 is still open until 30 November 2026
  const metYear = (start: number) => [
    cpdPiece({ date: `${start}-12-10`, hasPeerReflection: true }),
    cpdPiece({ date: `${start + 1}-02-10` }),
  ];

  it('should list completed SWE years newest first, leaving out the open one', () => {
    const facts = sweFacts({ registeredFrom: '2020-06-01', pieces: [...metYear(2024), ...metYear(2022)] });
    expect(cpdComplianceHistory(facts, asOf, 3)).toEqual([
      { periodLabel: '2024–25', periodEnd: '2025-11-30', met: true },
      { periodLabel: '2023–24', periodEnd: '2024-11-30', met: false },
      { periodLabel: '2022–23', periodEnd: '2023-11-30', met: true },
    ]);
  });

  it('should include the year just closed once its deadline has passed', () => {
    const facts = sweFacts({ pieces: metYear(2025) });
    expect(cpdComplianceHistory(facts, new Date('2026-12-01T00:00:00Z'), 1)).toEqual([
      { periodLabel: '2025–26', periodEnd: '2026-11-30', met: true },
    ]);
  });

  it('should stop before the registration began', () => {
    const facts = sweFacts({ registeredFrom: '2024-03-01', pieces: metYear(2024) });
    expect(cpdComplianceHistory(facts, asOf, 5).map((y) => y.periodLabel)).toEqual(['2024–25', '2023–24']);
  });

  it('should count a late joiner’s exempt year as met', () => {
    // Joined on 15 September 2024: nothing owed for 2023–24, two pieces owed for 2024–25.
    const facts = sweFacts({ registeredFrom: '2024-09-15', pieces: [] });
    expect(cpdComplianceHistory(facts, asOf, 5)).toEqual([
      { periodLabel: '2024–25', periodEnd: '2025-11-30', met: false },
      { periodLabel: '2023–24', periodEnd: '2024-11-30', met: true },
    ]);
  });

  it('should stop where no rule set is known (SWE before December 2020)', () => {
    const facts = sweFacts({ registeredFrom: '2010-01-01' });
    expect(cpdComplianceHistory(facts, asOf, 20).at(-1)!.periodLabel).toBe('2020–21');
  });
});
