import { cpdYearsAsked } from './cpd-years-asked.js';
import { TEMPLATE_PATHWAY_DESIGN } from './template-pathway.js';
import type { PathwayDesign } from './progression.types.js';

describe('cpdYearsAsked', () => {
  const design = (criteria: PathwayDesign['routes'][number]['criteria']): PathwayDesign => ({
    pcfVersion: '2018',
    stages: [],
    routes: [{ key: 'R', fromStageKey: 'A', toStageKey: 'B', mechanism: 'PANEL', criteria }],
  });

  it('should find the largest number of years asked, however deep', () => {
    expect(
      cpdYearsAsked(
        design({
          type: 'ALL_OF',
          criteria: [
            { type: 'CPD_COMPLIANCE', registrationYears: 2 },
            { type: 'ANY_OF', criteria: [{ type: 'CPD_COMPLIANCE', registrationYears: 4 }] },
          ],
        }),
      ),
    ).toBe(4);
  });

  it('should be 0 when no criterion asks, and take the largest across designs', () => {
    const none = design({ type: 'MIN_POST_QUALIFYING_MONTHS', months: 12 });
    expect(cpdYearsAsked(none)).toBe(0);
    expect(cpdYearsAsked()).toBe(0);
    expect(cpdYearsAsked(none, TEMPLATE_PATHWAY_DESIGN)).toBe(3);
  });
});
