import { DomainError } from '../errors.js';
import type { Criterion, CriterionProblem } from './progression.types.js';
import { PCF_2018, REFERENCE } from './progression.test-fixtures.js';
import { validateCriterion as sut } from './validate-criterion.js';

const scope = { reference: REFERENCE, pcf: PCF_2018, stageKeys: new Set(['SOCIAL_WORKER', 'EXPERIENCED']) };
const FIELD = 'input.routes[2].criteria';

const evidence = (overrides: object = {}) =>
  ({
    type: 'APPROVED_EVIDENCE',
    minLevelCode: 'ADVANCED',
    domainCodes: ['PROFESSIONAL_LEADERSHIP'],
    minPiecesPerDomain: 2,
    ...overrides,
  }) as Criterion;
const coverage = (overrides: object = {}) =>
  ({
    type: 'FRAMEWORK_COVERAGE',
    frameworkCode: 'KSS_CHILD_AND_FAMILY',
    version: '2018',
    minShare: 0.6,
    ...overrides,
  }) as Criterion;
const qualification = (overrides: object = {}) =>
  ({ type: 'QUALIFICATION', qualificationType: 'PEPS_STAGE_2', ...overrides }) as Criterion;
const inGroup = (criterion: Criterion): Criterion => ({ type: 'ALL_OF', criteria: [criterion] });

const nest = (depth: number): Criterion =>
  depth === 1
    ? { type: 'CPD_COMPLIANCE', registrationYears: 1 }
    : { type: 'ANY_OF', criteria: [nest(depth - 1)] };

describe('validateCriterion', () => {
  it.each<[string, Criterion]>([
    [
      'every kind of criterion',
      {
        type: 'ALL_OF',
        criteria: [
          { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
          { type: 'MIN_MONTHS_IN_STAGE', months: 1 },
          evidence({ withinMonths: 12, kinds: ['SERVICE_USER_FEEDBACK'] }),
          evidence({ minLevelCode: undefined, minLevelOrdinal: 8, domainCodes: 'ALL' }),
          evidence({ minLevelOrdinal: 8 }),
          coverage({ minShare: 1, itemKind: 'STATEMENT' }),
          {
            type: 'ANY_OF',
            criteria: [
              qualification({ currentOnEvaluationDate: true }),
              qualification({ currentOn: '2026-03-31' }),
            ],
          },
          qualification({ qualificationType: 'PQ_CREDITS', minCredits: 60 }),
          { type: 'CPD_COMPLIANCE', registrationYears: 3 },
          { type: 'HOLDS_STAGE', stageKey: 'EXPERIENCED' },
        ],
      },
    ],
    ['criteria nested eight deep', nest(8)],
  ])('should accept %s', (_label, criterion) => {
    expect(() => sut(criterion, scope, FIELD)).not.toThrow();
  });

  it.each<[string, Criterion, CriterionProblem, string]>([
    ['an unknown type', { type: 'MAGIC' } as unknown as Criterion, 'UNKNOWN_TYPE', '.criteria[0].type'],
    ['an empty ALL_OF', { type: 'ALL_OF', criteria: [] }, 'EMPTY_GROUP', '.criteria[0].criteria'],
    ['an empty ANY_OF', { type: 'ANY_OF', criteria: [] }, 'EMPTY_GROUP', '.criteria[0].criteria'],
    [
      'negative months',
      { type: 'MIN_POST_QUALIFYING_MONTHS', months: -1 },
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].months',
    ],
    [
      'zero months in stage',
      { type: 'MIN_MONTHS_IN_STAGE', months: 0 },
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].months',
    ],
    [
      'fractional months',
      { type: 'MIN_MONTHS_IN_STAGE', months: 1.5 },
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].months',
    ],
    ['no level', evidence({ minLevelCode: undefined }), 'LEVEL_REQUIRED', '.criteria[0].minLevelCode'],
    [
      'an unknown level code',
      evidence({ minLevelCode: 'GRAND_MASTER' }),
      'UNKNOWN_LEVEL',
      '.criteria[0].minLevelCode',
    ],
    [
      'an unknown level ordinal',
      evidence({ minLevelCode: undefined, minLevelOrdinal: 10 }),
      'UNKNOWN_LEVEL',
      '.criteria[0].minLevelOrdinal',
    ],
    [
      'a level ordinal and code that disagree',
      evidence({ minLevelOrdinal: 7 }),
      'LEVEL_MISMATCH',
      '.criteria[0].minLevelOrdinal',
    ],
    [
      'an unknown domain',
      evidence({ domainCodes: ['KNOWLEDGE', 'WISDOM'] }),
      'UNKNOWN_DOMAIN',
      '.criteria[0].domainCodes',
    ],
    [
      'a super-domain for a domain',
      evidence({ domainCodes: ['PURPOSE'] }),
      'UNKNOWN_DOMAIN',
      '.criteria[0].domainCodes',
    ],
    ['no domains', evidence({ domainCodes: [] }), 'EMPTY_LIST', '.criteria[0].domainCodes'],
    [
      'a repeated domain',
      evidence({ domainCodes: ['KNOWLEDGE', 'KNOWLEDGE'] }),
      'DUPLICATE_CODE',
      '.criteria[0].domainCodes',
    ],
    [
      'zero pieces',
      evidence({ minPiecesPerDomain: 0 }),
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].minPiecesPerDomain',
    ],
    [
      'a negative count of pieces',
      evidence({ minPiecesPerDomain: -3 }),
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].minPiecesPerDomain',
    ],
    [
      'a zero-month window',
      evidence({ withinMonths: 0 }),
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].withinMonths',
    ],
    [
      'an unknown evidence kind',
      evidence({ kinds: ['GOSSIP'] }),
      'UNKNOWN_EVIDENCE_KIND',
      '.criteria[0].kinds',
    ],
    ['no evidence kinds', evidence({ kinds: [] }), 'EMPTY_LIST', '.criteria[0].kinds'],
    [
      'an unknown framework version',
      coverage({ version: '2099' }),
      'UNKNOWN_FRAMEWORK_VERSION',
      '.criteria[0].version',
    ],
    [
      'an unknown framework',
      coverage({ frameworkCode: 'NOPE' }),
      'UNKNOWN_FRAMEWORK_VERSION',
      '.criteria[0].version',
    ],
    ['a share of 0', coverage({ minShare: 0 }), 'SHARE_OUT_OF_RANGE', '.criteria[0].minShare'],
    ['a share above 1', coverage({ minShare: 1.01 }), 'SHARE_OUT_OF_RANGE', '.criteria[0].minShare'],
    ['a negative share', coverage({ minShare: -0.5 }), 'SHARE_OUT_OF_RANGE', '.criteria[0].minShare'],
    [
      'a share that is not a number',
      coverage({ minShare: '60%' }),
      'SHARE_OUT_OF_RANGE',
      '.criteria[0].minShare',
    ],
    [
      'an item kind the framework lacks',
      coverage({ itemKind: 'DOMAIN' }),
      'UNKNOWN_ITEM_KIND',
      '.criteria[0].itemKind',
    ],
    [
      'an unknown qualification',
      qualification({ qualificationType: 'WIZARD' }),
      'UNKNOWN_QUALIFICATION_TYPE',
      '.criteria[0].qualificationType',
    ],
    [
      'credits for a qualification other than credits',
      qualification({ minCredits: 20 }),
      'CREDITS_NOT_APPLICABLE',
      '.criteria[0].minCredits',
    ],
    [
      'zero credits',
      qualification({ qualificationType: 'PQ_CREDITS', minCredits: 0 }),
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].minCredits',
    ],
    [
      'a currency day that is not a day',
      qualification({ currentOn: '2025-02-30' }),
      'INVALID_DATE',
      '.criteria[0].currentOn',
    ],
    [
      'both kinds of currency',
      qualification({ currentOn: '2025-02-28', currentOnEvaluationDate: true }),
      'CONFLICTING_CURRENCY',
      '.criteria[0].currentOn',
    ],
    [
      'zero registration years',
      { type: 'CPD_COMPLIANCE', registrationYears: 0 },
      'NOT_A_POSITIVE_WHOLE_NUMBER',
      '.criteria[0].registrationYears',
    ],
    ['criteria nested nine deep', nest(8), 'TOO_DEEP', '.criteria[0]' + '.criteria[0]'.repeat(7)],
  ])('should refuse %s', (_label, criterion, reason, field) => {
    const act = () => sut(inGroup(criterion), scope, FIELD);

    expect(act).toThrow(DomainError);
    expect(act).toThrow(
      expect.objectContaining({
        code: 'CRITERION_INVALID',
        field: FIELD + field,
        meta: expect.objectContaining({ reason }),
      }),
    );
  });

  it('should refuse more than 200 criteria in all as TOO_LARGE, naming the route’s criteria', () => {
    const leaves = Array.from({ length: 200 }, () => nest(1));
    expect(() => sut({ type: 'ALL_OF', criteria: leaves }, scope, FIELD)).toThrow(
      expect.objectContaining({
        code: 'CRITERION_INVALID',
        field: FIELD,
        meta: { reason: 'TOO_LARGE', maxSize: 200 },
      }),
    );
    expect(() => sut({ type: 'ALL_OF', criteria: leaves.slice(1) }, scope, FIELD)).not.toThrow();
  });

  it('should name the unknown domains', () => {
    expect(() => sut(evidence({ domainCodes: ['KNOWLEDGE', 'WISDOM', 'LUCK'] }), scope, FIELD)).toThrow(
      expect.objectContaining({ meta: { reason: 'UNKNOWN_DOMAIN', codes: ['WISDOM', 'LUCK'] } }),
    );
  });

  it('should refuse HOLDS_STAGE for a stage the design lacks with STAGE_NOT_FOUND', () => {
    expect(() => sut(inGroup({ type: 'HOLDS_STAGE', stageKey: 'WIZARD' }), scope, FIELD)).toThrow(
      expect.objectContaining({ code: 'STAGE_NOT_FOUND', field: `${FIELD}.criteria[0].stageKey` }),
    );
  });
});
