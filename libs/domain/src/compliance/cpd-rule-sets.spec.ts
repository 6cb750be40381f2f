import { DomainError } from '../errors.js';
import { REGULATORS, type Regulator } from '../identity/roles.js';
import { assertRuleSetsDoNotOverlap } from './assert-rule-sets-do-not-overlap.js';
import type { CpdRuleSet } from './compliance.types.js';
import { CPD_RULE_SETS } from './cpd-rule-sets.js';
import { selectCpdRuleSet } from './select-cpd-rule-set.js';

function ruleSet(overrides: Partial<CpdRuleSet> = {}): CpdRuleSet {
  return {
    id: 'A',
    regulator: 'NISCC',
    effectiveFrom: '2020-01-01',
    effectiveTo: '2024-12-31',
    description: 'test',
    sources: [],
    period: { kind: 'FROM_REGISTRATION', years: 3 },
    renewalWindow: null,
    deadlineDaysBeforeEnd: 0,
    requirements: [{ kind: 'HOURS', min: 90 }],
    ...overrides,
  };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('CPD_RULE_SETS', () => {
  it('should have no overlapping rule sets', () => {
    expect(() => assertRuleSetsDoNotOverlap(CPD_RULE_SETS)).not.toThrow();
  });

  it.each(REGULATORS.map((r) => [r]))(
    'should have a rule set in force today-ish for %s',
    (regulator: Regulator) => {
      expect(selectCpdRuleSet(regulator, '2026-01-01').regulator).toBe(regulator);
    },
  );

  it('should cite a source for every rule set', () => {
    for (const r of CPD_RULE_SETS) expect(r.sources.length).toBeGreaterThan(0);
  });
});

describe('selectCpdRuleSet', () => {
  it.each<[Regulator, string, string]>([
    ['SOCIAL_WORK_ENGLAND', '2020-12-01', 'SWE_2020_ONE_PIECE'],
    ['SOCIAL_WORK_ENGLAND', '2022-11-30', 'SWE_2020_ONE_PIECE'],
    ['SOCIAL_WORK_ENGLAND', '2022-12-01', 'SWE_2022_TWO_PIECES_PEER'],
    ['SOCIAL_CARE_WALES', '2025-03-31', 'SCW_90_HOURS'],
    ['SOCIAL_CARE_WALES', '2025-04-01', 'SCW_2025_CONFIRMATION'],
    ['SSSC', '2024-06-03', 'SSSC_2024_ANNUAL_DECLARATION'],
    ['NISCC', '2019-05-01', 'NISCC_90_HOURS'],
  ])('should pick for %s on %s the rule set %s', (regulator, on, id) => {
    expect(selectCpdRuleSet(regulator, on).id).toBe(id);
  });

  it.each<[Regulator, string]>([
    ['SOCIAL_WORK_ENGLAND', '2020-11-30'],
    ['SSSC', '2024-06-02'],
  ])('should refuse %s on %s with NO_RULE_SET', (regulator, on) => {
    expect(codeOf(() => selectCpdRuleSet(regulator, on))).toBe('NO_RULE_SET');
  });

  it('should refuse overlapping data with RULE_SET_OVERLAP', () => {
    const sets = [ruleSet(), ruleSet({ id: 'B', effectiveFrom: '2024-12-31', effectiveTo: null })];
    expect(codeOf(() => selectCpdRuleSet('NISCC', '2024-12-31', sets))).toBe('RULE_SET_OVERLAP');
    expect(selectCpdRuleSet('NISCC', '2025-01-01', sets).id).toBe('B');
  });
});

describe('assertRuleSetsDoNotOverlap', () => {
  it.each<[string, CpdRuleSet[]]>([
    [
      'one ends the day before the next starts',
      [ruleSet(), ruleSet({ id: 'B', effectiveFrom: '2025-01-01', effectiveTo: null })],
    ],
    ['different regulators share dates', [ruleSet(), ruleSet({ id: 'B', regulator: 'SSSC' })]],
    ['a rule set lasts one day', [ruleSet({ effectiveFrom: '2024-12-31' })]],
    ['there are none', []],
  ])('should accept rule sets where %s', (_label, sets) => {
    expect(() => assertRuleSetsDoNotOverlap(sets)).not.toThrow();
  });

  it.each<[string, CpdRuleSet[], string]>([
    [
      'they share one day',
      [ruleSet(), ruleSet({ id: 'B', effectiveFrom: '2024-12-31', effectiveTo: null })],
      'RULE_SET_OVERLAP',
    ],
    [
      'an open-ended one runs into a later one',
      [ruleSet({ effectiveTo: null }), ruleSet({ id: 'B', effectiveFrom: '2030-01-01', effectiveTo: null })],
      'RULE_SET_OVERLAP',
    ],
    [
      'one lies inside another',
      [ruleSet(), ruleSet({ id: 'B', effectiveFrom: '2022-01-01', effectiveTo: '2022-06-30' })],
      'RULE_SET_OVERLAP',
    ],
    ['two share an id', [ruleSet(), ruleSet({ regulator: 'SSSC' })], 'RULE_SET_OVERLAP'],
    [
      'one ends before it starts',
      [ruleSet({ effectiveFrom: '2025-01-01', effectiveTo: '2024-12-31' })],
      'INVALID_DATE_RANGE',
    ],
  ])('should refuse rule sets where %s', (_label, sets, code) => {
    expect(codeOf(() => assertRuleSetsDoNotOverlap(sets))).toBe(code);
  });

  it('should refuse a new SWE rule set that starts before the current one ends', () => {
    const next = ruleSet({
      id: 'SWE_2026',
      regulator: 'SOCIAL_WORK_ENGLAND',
      effectiveFrom: '2026-12-01',
      effectiveTo: null,
    });
    expect(codeOf(() => assertRuleSetsDoNotOverlap([...CPD_RULE_SETS, next]))).toBe('RULE_SET_OVERLAP');
  });
});
