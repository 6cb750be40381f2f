import {
  levelChoiceValue,
  mappingLabel,
  otherLevelChoices,
  readReviewForm,
  reviewFormFieldOf,
  reviewInputFrom,
  type ReviewFormValues,
} from './reviewDecisionForm.js';

const target = {
  evidenceVersionId: 'version-1',
  revision: 3,
  mappings: [
    { id: 'm-prof', label: 'Professionalism at ASYE' },
    { id: 'm-values', label: 'Values and ethics at ASYE' },
    { id: 'm-skills', label: 'Skills and interventions at ASYE' },
  ],
};

function values(overrides: Partial<ReviewFormValues> = {}): ReviewFormValues {
  return {
    decisions: [
      { decision: 'ACCEPTED', level: '', comment: '  Clear.  ' },
      { decision: 'ACCEPTED_AT_OTHER_LEVEL', level: 'SOCIAL_WORKER', comment: '' },
      { decision: 'NOT_ACCEPTED', level: '', comment: 'Not shown here.' },
    ],
    comment: ' Good work. ',
    confirmNoIdentifiers: false,
    outcome: 'APPROVE',
    ...overrides,
  };
}

describe('readReviewForm', () => {
  it('should read each mapping row as typed, whether the body holds an array or an object of rows', () => {
    const rows = [
      { decision: 'ACCEPTED', comment: 'Yes' },
      { decision: 'ACCEPTED_AT_OTHER_LEVEL', level: 'ADVANCED:EDUCATOR' },
    ];
    const asArray = readReviewForm({ decisions: rows, comment: 'Hi', outcome: 'APPROVE' }, 3);
    const asObject = readReviewForm(
      { decisions: { 0: rows[0], 1: rows[1] }, comment: 'Hi', outcome: 'APPROVE' },
      3,
    );
    const expected = {
      decisions: [
        { decision: 'ACCEPTED', level: '', comment: 'Yes' },
        { decision: 'ACCEPTED_AT_OTHER_LEVEL', level: 'ADVANCED:EDUCATOR', comment: '' },
        { decision: '', level: '', comment: '' },
      ],
      comment: 'Hi',
      confirmNoIdentifiers: false,
      outcome: 'APPROVE',
    };
    expect(asArray).toEqual(expected);
    expect(asObject).toEqual(expected);
  });

  it.each([
    ['true', true],
    [['_unchecked', 'true'], true],
    [undefined, false],
    ['yes', false],
  ])('should read confirmNoIdentifiers %p as %p', (confirm, expected) => {
    expect(readReviewForm({ confirmNoIdentifiers: confirm }, 0).confirmNoIdentifiers).toBe(expected);
  });

  it('should ignore values that are not text (a crafted body)', () => {
    expect(readReviewForm({ comment: ['a', 'b'], decisions: [{ decision: { x: 1 } }] }, 1)).toEqual({
      decisions: [{ decision: '', level: '', comment: '' }],
      comment: '',
      confirmNoIdentifiers: false,
      outcome: '',
    });
  });
});

describe('reviewInputFrom', () => {
  it('should build the API input with one decision per mapping, the other level and trimmed comments', () => {
    expect(reviewInputFrom(values(), target)).toEqual({
      ok: true,
      decisionRows: [0, 1, 2],
      input: {
        evidenceVersionId: 'version-1',
        expectedRevision: 3,
        outcome: 'APPROVE',
        comment: 'Good work.',
        confirmNoIdentifiers: false,
        mappingDecisions: [
          { mappingId: 'm-prof', decision: 'ACCEPTED', comment: 'Clear.' },
          { mappingId: 'm-values', decision: 'ACCEPTED_AT_OTHER_LEVEL', levelCode: 'SOCIAL_WORKER' },
          { mappingId: 'm-skills', decision: 'NOT_ACCEPTED', comment: 'Not shown here.' },
        ],
      },
    });
  });

  it('should send a pathway within the chosen level', () => {
    const result = reviewInputFrom(
      values({
        decisions: [
          {
            decision: 'ACCEPTED_AT_OTHER_LEVEL',
            level: levelChoiceValue('ADVANCED', 'EDUCATOR'),
            comment: '',
          },
        ],
      }),
      { ...target, mappings: target.mappings.slice(0, 1) },
    );
    expect(result.ok && result.input.mappingDecisions).toEqual([
      {
        mappingId: 'm-prof',
        decision: 'ACCEPTED_AT_OTHER_LEVEL',
        levelCode: 'ADVANCED',
        pathwayCode: 'EDUCATOR',
      },
    ]);
  });

  it('should leave undecided mappings out when requesting changes, remembering which row each decision is', () => {
    const result = reviewInputFrom(
      values({
        outcome: 'REQUEST_CHANGES',
        decisions: [
          { decision: '', level: '', comment: '' },
          { decision: 'NOT_ACCEPTED', level: '', comment: 'Say more' },
          { decision: '', level: '', comment: '' },
        ],
      }),
      target,
    );
    expect(result).toMatchObject({
      ok: true,
      decisionRows: [1],
      input: {
        outcome: 'REQUEST_CHANGES',
        mappingDecisions: [{ mappingId: 'm-values', decision: 'NOT_ACCEPTED', comment: 'Say more' }],
      },
    });
  });

  it('should pass the identifier confirmation through', () => {
    const result = reviewInputFrom(values({ confirmNoIdentifiers: true }), target);
    expect(result.ok && result.input.confirmNoIdentifiers).toBe(true);
  });

  it('should ask for every undecided mapping and a missing other level before approving', () => {
    expect(
      reviewInputFrom(
        values({
          decisions: [
            { decision: '', level: '', comment: '' },
            { decision: 'ACCEPTED_AT_OTHER_LEVEL', level: '', comment: '' },
            { decision: 'MAYBE', level: '', comment: '' },
          ],
        }),
        target,
      ),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'decisions.0.decision', text: 'Decide Professionalism at ASYE' },
        { field: 'decisions.1.level', text: 'Choose the level you accept Values and ethics at ASYE at' },
        { field: 'decisions.2.decision', text: 'Decide Skills and interventions at ASYE' },
      ],
    });
  });

  it('should refuse to approve when no mapping is accepted', () => {
    const notAccepted = { decision: 'NOT_ACCEPTED', level: '', comment: '' };
    expect(reviewInputFrom(values({ decisions: [notAccepted, notAccepted, notAccepted] }), target)).toEqual({
      ok: false,
      problems: [
        {
          field: 'decisions.0.decision',
          text: 'To approve, accept at least one mapping; otherwise request changes',
        },
      ],
    });
  });

  it('should refuse an outcome other than approve or request changes', () => {
    expect(reviewInputFrom(values({ outcome: 'DELETE' }), target)).toEqual({
      ok: false,
      problems: [{ field: 'comment', text: 'Choose to approve or to request changes' }],
    });
  });
});

describe('reviewFormFieldOf', () => {
  it.each([
    ['input.comment', [0, 1], 'comment'],
    ['input.mappingDecisions[1].comment', [0, 2], 'decisions.2.comment'],
    ['input.mappingDecisions.0.comment', [1], 'decisions.1.comment'],
    ['input.mappingDecisions[0].levelCode', [2], 'decisions.2.level'],
    ['input.mappingDecisions[0].pathwayCode', [2], 'decisions.2.level'],
    ['input.mappingDecisions[0]', [2], 'decisions.2.decision'],
    ['input.mappingDecisions', [2], 'decisions.0.decision'],
    ['input.mappingDecisions[7].comment', [2], 'decisions.0.comment'],
    ['input.expectedRevision', [], 'comment'],
    [undefined, [], 'comment'],
  ])('should put a refusal about %p on %p → %p', (apiField, rows, expected) => {
    expect(reviewFormFieldOf(apiField, rows)).toBe(expected);
  });
});

describe('mappingLabel', () => {
  it.each([
    [
      { item: { title: 'Professionalism' }, level: { name: 'ASYE' }, pathway: null },
      'Professionalism at ASYE',
    ],
    [
      { item: { title: 'Leadership' }, level: { name: 'Advanced' }, pathway: { name: 'Educator' } },
      'Leadership at Advanced (Educator)',
    ],
    [{ item: { title: 'Knowledge' }, level: null, pathway: null }, 'Knowledge'],
  ])('should name %p as "%s"', (mapping, expected) => {
    expect(mappingLabel(mapping)).toBe(expected);
  });
});

describe('otherLevelChoices', () => {
  const levels = [
    { code: 'ASYE', name: 'Assessed and Supported Year in Employment', pathways: [] },
    { code: 'SOCIAL_WORKER', name: 'Social Worker', pathways: [] },
    {
      code: 'ADVANCED',
      name: 'Advanced',
      pathways: [
        { code: 'PRACTITIONER', name: 'Practitioner' },
        { code: 'EDUCATOR', name: 'Educator' },
      ],
    },
  ];

  it('should offer every other level by name, a choice per pathway', () => {
    expect(otherLevelChoices(levels, { levelCode: 'ASYE', pathwayCode: null })).toEqual([
      { value: 'SOCIAL_WORKER', text: 'Social Worker' },
      { value: 'ADVANCED:PRACTITIONER', text: 'Advanced (Practitioner)' },
      { value: 'ADVANCED:EDUCATOR', text: 'Advanced (Educator)' },
    ]);
  });

  it('should leave out only the claimed pathway of a level with pathways', () => {
    expect(
      otherLevelChoices(levels, { levelCode: 'ADVANCED', pathwayCode: 'EDUCATOR' }).map((c) => c.value),
    ).toEqual(['ASYE', 'SOCIAL_WORKER', 'ADVANCED:PRACTITIONER']);
  });
});
