import fc from 'fast-check';
import type { CriterionInput } from '../../data/generated/graphql.js';
import {
  applyFormAction,
  bodyFromForm,
  criterionNumber,
  formFieldForApiField,
  formFromBody,
  formFromInput,
  inputFromDocument,
  inputFromForm,
} from './criteriaForm.js';

const ROUTE: CriterionInput = {
  type: 'ALL_OF',
  criteria: [
    { type: 'MIN_MONTHS_IN_STAGE', months: 12 },
    {
      type: 'ANY_OF',
      criteria: [
        { type: 'QUALIFICATION', qualificationType: 'PQ_AWARD' },
        { type: 'QUALIFICATION', qualificationType: 'PQ_CREDITS', minCredits: 60 },
      ],
    },
    {
      type: 'APPROVED_EVIDENCE',
      minLevelCode: 'ADVANCED',
      domainCodes: ['KNOWLEDGE', 'PROFESSIONAL_LEADERSHIP'],
      minPiecesPerDomain: 2,
      withinMonths: 24,
      kinds: ['SERVICE_USER_FEEDBACK'],
    },
  ],
};

/** Criteria as the API takes them: only the fields a type uses, all nine domains or a list, never both. */
const positive = fc.integer({ min: -5, max: 600 });
const leaf: fc.Arbitrary<CriterionInput> = fc.oneof(
  fc.record({ type: fc.constant('MIN_POST_QUALIFYING_MONTHS' as const), months: positive }),
  fc.record({ type: fc.constant('MIN_MONTHS_IN_STAGE' as const), months: positive }),
  fc.record({ type: fc.constant('CPD_COMPLIANCE' as const), registrationYears: positive }),
  fc.record({ type: fc.constant('HOLDS_STAGE' as const), stageKey: fc.constantFrom('NQSW', 'TEAM_MANAGER') }),
  fc.record(
    {
      type: fc.constant('QUALIFICATION' as const),
      qualificationType: fc.constantFrom('PEPS_STAGE_1' as const, 'PQ_CREDITS' as const),
      minCredits: positive,
      currentOnEvaluationDate: fc.constant(true),
      currentOn: fc.constant('2027-03-31'),
    },
    { requiredKeys: ['type', 'qualificationType'] },
  ),
  fc.record(
    {
      type: fc.constant('FRAMEWORK_COVERAGE' as const),
      frameworkCode: fc.constantFrom('KSS_ADULTS', 'PCF'),
      version: fc.constantFrom('2015', '2018'),
      minShare: fc.constantFrom(0.25, 0.5, 0.8, 1),
      itemKind: fc.constant('STATEMENT'),
    },
    { requiredKeys: ['type', 'frameworkCode', 'version', 'minShare'] },
  ),
  fc
    .record(
      {
        type: fc.constant('APPROVED_EVIDENCE' as const),
        minLevelCode: fc.constantFrom('ASYE', 'ADVANCED'),
        all: fc.boolean(),
        domainCodes: fc.uniqueArray(fc.constantFrom('KNOWLEDGE', 'VALUES_AND_ETHICS'), { minLength: 1 }),
        minPiecesPerDomain: positive,
        withinMonths: positive,
        kinds: fc.uniqueArray(fc.constantFrom('CERTIFICATE' as const, 'WRITTEN_REPORT' as const), {
          minLength: 1,
        }),
      },
      { requiredKeys: ['type', 'all', 'domainCodes'] },
    )
    .map(({ all, domainCodes, ...rest }) => (all ? { ...rest, allDomains: true } : { ...rest, domainCodes })),
);
const { tree } = fc.letrec<{ tree: CriterionInput }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      type: fc.constantFrom('ALL_OF' as const, 'ANY_OF' as const),
      criteria: fc.array(tie('tree'), { maxLength: 3 }),
    }),
  ),
}));

describe('criteriaForm', () => {
  it('should give back the API input it was filled from, whatever the tree', () => {
    fc.assert(
      fc.property(tree, (input) => {
        const sut = inputFromForm(formFromInput(input));
        expect(sut.problems).toEqual([]);
        expect(sut.input).toEqual(input);
      }),
    );
  });

  it('should read back from the posted fields exactly the form that drew them', () => {
    fc.assert(
      fc.property(tree, (input) => {
        const form = formFromInput(input);
        expect(formFromBody(bodyFromForm(form))).toEqual(form);
      }),
    );
  });

  it('should take the stored document’s "all nine domains" as the input’s allDomains', () => {
    const sut = inputFromDocument({
      type: 'ALL_OF',
      criteria: [
        { type: 'APPROVED_EVIDENCE', minLevelCode: 'ADVANCED', domainCodes: 'ALL', minPiecesPerDomain: 1 },
      ],
    });
    expect(sut).toEqual({
      type: 'ALL_OF',
      criteria: [
        { type: 'APPROVED_EVIDENCE', minLevelCode: 'ADVANCED', allDomains: true, minPiecesPerDomain: 1 },
      ],
    });
  });

  it('should keep text that is not a number as typed and name its field', () => {
    const form = formFromInput(ROUTE);
    form.children[0]!.values.months = 'twelve';
    form.children[1]!.children[1]!.values.minCredits = '6o';
    const sut = inputFromForm(form);
    expect(sut.problems).toEqual([
      { field: 'c.0.months', text: 'Enter a whole number, like 12' },
      { field: 'c.1.1.minCredits', text: 'Enter a whole number, like 12' },
    ]);
    expect(form.children[0]!.values.months).toBe('twelve');
  });

  it('should leave blank optional fields out of the input', () => {
    const form = formFromInput(ROUTE);
    form.children[2]!.values.withinMonths = ' ';
    const sut = inputFromForm(form).input.criteria![2]!;
    expect(sut).not.toHaveProperty('withinMonths');
  });

  it('should read a single ticked checkbox as a list of one, and unticked ones as none', () => {
    const sut = formFromBody({
      'c.type': 'APPROVED_EVIDENCE',
      'c.domainCodes': 'KNOWLEDGE',
      'c.allDomains': '',
    });
    expect(sut.lists).toEqual({ domainCodes: ['KNOWLEDGE'] });
    expect(sut.values).toEqual({});
  });

  it('should add a criterion of the chosen type to a group, keeping what was typed elsewhere', () => {
    const form = formFromInput(ROUTE);
    form.children[0]!.values.months = '9';
    const sut = applyFormAction(form, 'add:c.1', { 'c.1.newType': 'CPD_COMPLIANCE' });
    expect(sut.children[1]!.children.map((c) => c.type)).toEqual([
      'QUALIFICATION',
      'QUALIFICATION',
      'CPD_COMPLIANCE',
    ]);
    expect(sut.children[0]!.values.months).toBe('9');
    expect(form.children[1]!.children).toHaveLength(2);
  });

  it('should remove a criterion or a whole group, but never the route’s own group', () => {
    const form = formFromInput(ROUTE);
    expect(applyFormAction(form, 'remove:c.1', {}).children.map((c) => c.type)).toEqual([
      'MIN_MONTHS_IN_STAGE',
      'APPROVED_EVIDENCE',
    ]);
    expect(applyFormAction(form, 'remove:c.1.0', {}).children[1]!.children).toHaveLength(1);
    expect(applyFormAction(form, 'remove:c', {})).toEqual(form);
  });

  it.each([
    ['input.route.criteria.criteria[1].months', 'c.1.months'],
    ['input.route.criteria.criteria.1.criteria.0.minCredits', 'c.1.0.minCredits'],
    ['input.route.criteria.criteria[2].minLevelOrdinal', 'c.2.minLevelCode'],
    ['input.route.criteria.criteria[0].criteria', 'c.0.newType'],
    ['input.route.criteria', 'c.type'],
    ['input.route.criteria.criteria[3].somethingNew', 'c.3.type'],
    ['input.route.mechanism', 'mechanism'],
    [undefined, undefined],
  ])('should map the API field %s to the form field %s', (api, form) => {
    expect(formFieldForApiField(api)).toBe(form);
  });

  it.each([
    ['c', 'The route’s criteria'],
    ['c.0', 'Criterion 1'],
    ['c.1.2', 'Criterion 2.3'],
  ])('should name %s as %s', (path, name) => {
    expect(criterionNumber(path)).toBe(name);
  });
});
