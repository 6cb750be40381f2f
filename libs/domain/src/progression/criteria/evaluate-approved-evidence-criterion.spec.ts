import { DomainError } from '../../errors.js';
import type { ApprovedEvidenceCriterion, ApprovedEvidenceFacts } from '../progression.types.js';
import { context, evidence, facts } from '../progression.test-fixtures.js';
import { evaluateApprovedEvidenceCriterion as sut } from './evaluate-approved-evidence-criterion.js';

const LEADERSHIP = 'PROFESSIONAL_LEADERSHIP';
const ADVANCED = 8;

const twoAtAdvanced: ApprovedEvidenceCriterion = {
  type: 'APPROVED_EVIDENCE',
  minLevelCode: 'ADVANCED',
  domainCodes: [LEADERSHIP],
  minPiecesPerDomain: 2,
};

function run(criterion: ApprovedEvidenceCriterion, approvedEvidence: ApprovedEvidenceFacts[]) {
  return sut(criterion, context({ facts: facts({ approvedEvidence }) }));
}

describe('evaluateApprovedEvidenceCriterion', () => {
  describe('which evidence counts', () => {
    it.each<[string, ApprovedEvidenceFacts[], number]>([
      ['nothing', [], 0],
      ['two pieces at the level', [evidence([LEADERSHIP], ADVANCED), evidence([LEADERSHIP], ADVANCED)], 2],
      ['a piece above the level', [evidence([LEADERSHIP], 9)], 1],
      ['a piece below the level', [evidence([LEADERSHIP], 7)], 0],
      ['a piece in another domain', [evidence(['KNOWLEDGE'], ADVANCED)], 0],
      [
        'a piece accepted at a level given by code only',
        [
          evidence([], 0, {
            mappings: [
              {
                frameworkCode: 'PCF',
                frameworkVersion: '2018',
                itemCode: LEADERSHIP,
                acceptedLevelOrdinal: null,
                acceptedLevelCode: 'STRATEGIC',
              },
            ],
          }),
        ],
        1,
      ],
      [
        'a mapping without a level',
        [
          evidence([], 0, {
            mappings: [
              {
                frameworkCode: 'PCF',
                frameworkVersion: '2018',
                itemCode: LEADERSHIP,
                acceptedLevelOrdinal: null,
                acceptedLevelCode: null,
              },
            ],
          }),
        ],
        0,
      ],
      [
        'a mapping to another PCF version',
        [
          evidence([], 0, {
            mappings: [
              {
                frameworkCode: 'PCF',
                frameworkVersion: '2012',
                itemCode: LEADERSHIP,
                acceptedLevelOrdinal: ADVANCED,
                acceptedLevelCode: 'ADVANCED',
              },
            ],
          }),
        ],
        0,
      ],
      [
        'a piece dated after the evaluation date',
        [evidence([LEADERSHIP], ADVANCED, { date: '2025-07-01' })],
        0,
      ],
      ['a piece dated on the evaluation date', [evidence([LEADERSHIP], ADVANCED, { date: '2025-06-30' })], 1],
      [
        'one piece mapped twice to the domain',
        [
          evidence([LEADERSHIP, LEADERSHIP], ADVANCED, { evidenceId: 'same' }),
          evidence([LEADERSHIP], 9, { evidenceId: 'same' }),
        ],
        1,
      ],
    ])('should count %s', (_label, approvedEvidence, counted) => {
      const outcome = run(twoAtAdvanced, approvedEvidence);

      expect(outcome.parts).toEqual([
        {
          code: LEADERSHIP,
          label: 'Professional Leadership',
          current: counted,
          required: 2,
          met: counted >= 2,
        },
      ]);
      expect(outcome.progress).toEqual({ current: Math.min(counted, 2), required: 2, unit: 'PIECES' });
      expect(outcome.met).toBe(counted >= 2);
    });

    it.each<[string, string, boolean]>([
      ['on the evaluation date', '2025-06-30', true],
      ['on the first day of the 12-month window', '2024-07-01', true],
      ['on the day before the window', '2024-06-30', false],
    ])('should count evidence dated %s only when inside the window', (_label, date, counted) => {
      const outcome = run({ ...twoAtAdvanced, minPiecesPerDomain: 1, withinMonths: 12 }, [
        evidence([LEADERSHIP], ADVANCED, { date }),
      ]);

      expect(outcome.met).toBe(counted);
    });

    it('should count only evidence of the kinds given', () => {
      const outcome = run({ ...twoAtAdvanced, kinds: ['SERVICE_USER_FEEDBACK', 'DIRECT_OBSERVATION'] }, [
        evidence([LEADERSHIP], ADVANCED, { kind: 'SERVICE_USER_FEEDBACK' }),
        evidence([LEADERSHIP], ADVANCED, { kind: 'CRITICAL_REFLECTION' }),
      ]);

      expect(outcome.progress.current).toBe(1);
    });

    it('should count one piece in every domain it maps to', () => {
      const outcome = run(
        { ...twoAtAdvanced, domainCodes: ['KNOWLEDGE', LEADERSHIP], minPiecesPerDomain: 1 },
        [evidence(['KNOWLEDGE', LEADERSHIP], ADVANCED)],
      );

      expect(outcome.met).toBe(true);
    });

    it('should accept the level as an ordinal', () => {
      const outcome = run({ ...twoAtAdvanced, minLevelCode: undefined, minLevelOrdinal: ADVANCED }, [
        evidence([LEADERSHIP], ADVANCED),
        evidence([LEADERSHIP], 7),
      ]);

      expect(outcome.progress.current).toBe(1);
    });
  });

  describe('wording', () => {
    it.each<[string, ApprovedEvidenceCriterion, ApprovedEvidenceFacts[], string, string | null]>([
      [
        'one domain, none yet',
        twoAtAdvanced,
        [evidence([LEADERSHIP], 7)],
        'At least 2 approved pieces at Advanced level or above in Professional Leadership',
        '2 more approved pieces at Advanced level or above in Professional Leadership',
      ],
      [
        'one domain, one short',
        twoAtAdvanced,
        [evidence([LEADERSHIP], ADVANCED)],
        'At least 2 approved pieces at Advanced level or above in Professional Leadership',
        '1 more approved piece at Advanced level or above in Professional Leadership',
      ],
      [
        'met',
        twoAtAdvanced,
        [evidence([LEADERSHIP], ADVANCED), evidence([LEADERSHIP], ADVANCED)],
        'At least 2 approved pieces at Advanced level or above in Professional Leadership',
        null,
      ],
      [
        'a kind and a window',
        {
          ...twoAtAdvanced,
          minLevelCode: 'SOCIAL_WORKER',
          domainCodes: ['VALUES_AND_ETHICS'],
          minPiecesPerDomain: 1,
          withinMonths: 24,
          kinds: ['SERVICE_USER_FEEDBACK'],
        },
        [],
        'At least 1 approved piece of service-user feedback at Social worker level or above, dated within the last 24 months, in Values and Ethics',
        '1 more approved piece of service-user feedback at Social worker level or above, dated within the last 24 months, in Values and Ethics',
      ],
      [
        'all nine domains, grouped by shortfall',
        { ...twoAtAdvanced, domainCodes: 'ALL' },
        [
          evidence(
            [
              'PROFESSIONALISM',
              'VALUES_AND_ETHICS',
              'DIVERSITY_AND_EQUALITY',
              'KNOWLEDGE',
              'CRITICAL_REFLECTION_AND_ANALYSIS',
              'SKILLS_AND_INTERVENTIONS',
              'CONTEXTS_AND_ORGANISATIONS',
            ],
            ADVANCED,
          ),
          evidence(
            [
              'PROFESSIONALISM',
              'VALUES_AND_ETHICS',
              'KNOWLEDGE',
              'CRITICAL_REFLECTION_AND_ANALYSIS',
              'SKILLS_AND_INTERVENTIONS',
              'CONTEXTS_AND_ORGANISATIONS',
            ],
            ADVANCED,
          ),
        ],
        'At least 2 approved pieces at Advanced level or above in each PCF domain',
        '2 more approved pieces at Advanced level or above in each of: Rights, Justice and Economic Wellbeing; Professional Leadership. ' +
          '1 more approved piece at Advanced level or above in Diversity and Equality',
      ],
    ])('should word %s', (_label, criterion, approvedEvidence, label, gap) => {
      const outcome = run(criterion, approvedEvidence);

      expect(outcome.label).toBe(label);
      expect(outcome.gap).toBe(gap);
    });

    it('should show progress over all nine domains', () => {
      const outcome = run({ ...twoAtAdvanced, domainCodes: 'ALL' }, [
        evidence([LEADERSHIP, 'KNOWLEDGE'], ADVANCED),
      ]);

      expect(outcome.progress).toEqual({ current: 2, required: 18, unit: 'PIECES' });
      expect(outcome.parts.map((p) => p.code)).toHaveLength(9);
    });
  });

  it('should refuse a level the reference does not have', () => {
    const act = () => run({ ...twoAtAdvanced, minLevelCode: 'GRAND_MASTER' }, []);

    expect(act).toThrow(DomainError);
    expect(act).toThrow(
      expect.objectContaining({
        code: 'CRITERION_INVALID',
        meta: expect.objectContaining({ reason: 'UNKNOWN_LEVEL' }),
      }),
    );
  });
});
