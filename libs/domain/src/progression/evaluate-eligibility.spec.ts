import { DomainError } from '../errors.js';
import { evaluateEligibility as sut } from './evaluate-eligibility.js';
import type { Criterion, StageHistoryEntry } from './progression.types.js';
import { AS_OF, REFERENCE, design, evidence, facts, route } from './progression.test-fixtures.js';

const entry = (stageKey: string, from: string, to: string | null = null): StageHistoryEntry => ({
  stageKey,
  from,
  to,
});

describe('evaluateEligibility', () => {
  describe('which routes it evaluates', () => {
    it.each<[string, StageHistoryEntry[], string, string[], string[]]>([
      [
        'one stage held',
        [entry('SOCIAL_WORKER', '2023-07-01')],
        'CURRENT_STAGES',
        ['SOCIAL_WORKER'],
        ['SW_TO_EXP'],
      ],
      [
        'a stage with two routes out',
        [entry('SOCIAL_WORKER', '2022-07-01', '2024-06-30'), entry('EXPERIENCED', '2024-07-01')],
        'CURRENT_STAGES',
        ['EXPERIENCED'],
        ['EXP_TO_ADV', 'EXP_TO_PE'],
      ],
      [
        'two stages held, leaving out a route into one of them',
        [entry('EXPERIENCED', '2024-07-01'), entry('PRACTICE_EDUCATOR', '2025-01-01')],
        'CURRENT_STAGES',
        ['EXPERIENCED', 'PRACTICE_EDUCATOR'],
        ['EXP_TO_ADV'],
      ],
      ['no stage history', [], 'ENTRY_STAGES', [], ['SW_TO_EXP']],
      [
        'a stage that has ended',
        [entry('EXPERIENCED', '2020-01-01', '2025-06-29')],
        'ENTRY_STAGES',
        [],
        ['SW_TO_EXP'],
      ],
      ['a stage that starts later', [entry('EXPERIENCED', '2025-07-01')], 'ENTRY_STAGES', [], ['SW_TO_EXP']],
      [
        'a stage this pathway does not have',
        [entry('STUDENT', '2020-01-01')],
        'CURRENT_STAGES',
        ['STUDENT'],
        [],
      ],
      ['the last stage', [entry('ADVANCED', '2024-01-01')], 'CURRENT_STAGES', ['ADVANCED'], []],
    ])('should take routes for %s', (_label, stageHistory, basis, currentStageKeys, routeKeys) => {
      const result = sut(facts({ stageHistory }), design(), AS_OF, REFERENCE);

      expect(result.basis).toBe(basis);
      expect(result.currentStageKeys).toEqual(currentStageKeys);
      expect(result.routes.map((r) => r.routeKey)).toEqual(routeKeys);
      expect(result.asOf).toBe(AS_OF);
    });
  });

  it('should give each route its mechanism, eligibility, closeness and criterion outcomes', () => {
    const criteria: Criterion = {
      type: 'ALL_OF',
      criteria: [
        { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
        {
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'ADVANCED',
          domainCodes: ['PROFESSIONAL_LEADERSHIP'],
          minPiecesPerDomain: 2,
        },
      ],
    };
    const pathway = design({ routes: [route('SW_TO_EXP', 'SOCIAL_WORKER', 'EXPERIENCED', criteria)] });
    const practitioner = facts({ approvedEvidence: [evidence(['PROFESSIONAL_LEADERSHIP'], 7)] });

    const [result] = sut(practitioner, pathway, AS_OF, REFERENCE).routes;

    expect(result).toMatchObject({
      routeKey: 'SW_TO_EXP',
      fromStageKey: 'SOCIAL_WORKER',
      toStageKey: 'EXPERIENCED',
      mechanism: 'PANEL',
      eligible: false,
      closeness: 0.5,
      outcome: {
        type: 'ALL_OF',
        met: false,
        progress: { current: 1, required: 2, unit: 'CRITERIA' },
        gap: '2 more approved pieces at Advanced level or above in Professional Leadership',
        children: [
          {
            type: 'MIN_POST_QUALIFYING_MONTHS',
            met: true,
            progress: { current: 36, required: 24 },
            gap: null,
          },
          { type: 'APPROVED_EVIDENCE', met: false, progress: { current: 0, required: 2, unit: 'PIECES' } },
        ],
      },
    });
  });

  it('should score an eligible route 1', () => {
    const [result] = sut(facts(), design(), AS_OF, REFERENCE).routes;

    expect(result).toMatchObject({ eligible: true, closeness: 1, outcome: { met: true, gap: null } });
  });

  it('should give the same answer when asked twice', () => {
    const practitioner = facts({ approvedEvidence: [evidence(['KNOWLEDGE'], 8)] });

    expect(sut(practitioner, design(), AS_OF, REFERENCE)).toEqual(
      sut(practitioner, design(), AS_OF, REFERENCE),
    );
  });

  it('should refuse a design whose PCF version the reference lacks', () => {
    const act = () => sut(facts(), design({ pcfVersion: '2099' }), AS_OF, REFERENCE);

    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code: 'FRAMEWORK_NOT_FOUND' }));
  });

  it('should refuse an evaluation date that is not YYYY-MM-DD', () => {
    expect(() => sut(facts(), design(), '30/06/2025', REFERENCE)).toThrow(TypeError);
  });
});
