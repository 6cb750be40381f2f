import {
  designWithoutRoute,
  designWithoutStage,
  designWithStage,
  stageFieldForApiField,
} from './designInput.js';

const VERSION = {
  pcfVersion: '2018',
  stages: [
    {
      key: 'NQSW',
      name: 'NQSW',
      description: '',
      pcfLevelCode: 'ASYE',
      pcfPathwayCode: null,
      typicalGrade: null,
    },
    {
      key: 'SOCIAL_WORKER',
      name: 'Social worker',
      description: 'd',
      pcfLevelCode: null,
      pcfPathwayCode: null,
      typicalGrade: 'L2',
    },
  ],
  routes: [
    {
      key: 'NQSW_TO_SOCIAL_WORKER',
      fromStageKey: 'NQSW',
      toStageKey: 'SOCIAL_WORKER',
      mechanism: 'AUTOMATIC' as const,
      criteriaDocument: {
        type: 'ALL_OF',
        criteria: [
          { type: 'APPROVED_EVIDENCE', domainCodes: 'ALL', minLevelCode: 'ASYE', minPiecesPerDomain: 1 },
        ],
      },
    },
  ],
};

describe('designWithStage', () => {
  it('should replace the stage of the same key in place and keep every route as the API takes it', () => {
    const sut = designWithStage(VERSION, { ...VERSION.stages[0]!, name: 'Newly qualified social worker' });
    expect(sut.stages.map((s) => s.name)).toEqual(['Newly qualified social worker', 'Social worker']);
    expect(sut.stages[0]).toEqual({
      key: 'NQSW',
      name: 'Newly qualified social worker',
      description: '',
      pcfLevelCode: 'ASYE',
    });
    expect(sut.routes[0]!.criteria).toEqual({
      type: 'ALL_OF',
      criteria: [
        { type: 'APPROVED_EVIDENCE', allDomains: true, minLevelCode: 'ASYE', minPiecesPerDomain: 1 },
      ],
    });
  });

  it('should add a stage with a new key at the end', () => {
    const sut = designWithStage(VERSION, {
      key: 'TEAM_MANAGER',
      name: 'Team manager',
      description: '',
      pcfLevelCode: null,
      pcfPathwayCode: null,
      typicalGrade: null,
    });
    expect(sut.stages.map((s) => s.key)).toEqual(['NQSW', 'SOCIAL_WORKER', 'TEAM_MANAGER']);
  });

  it.each([
    ['input.design.stages[2].key', 'key'],
    ['input.design.stages.2.typicalGrade', 'typicalGrade'],
    ['input.design.routes[0].criteria', 'name'],
    [undefined, 'name'],
  ])('should place the API field %s on the stage form field %s', (api, field) => {
    expect(stageFieldForApiField(api)).toBe(field);
  });
});

describe('designWithoutRoute', () => {
  it('should leave out the route and keep every stage', () => {
    const design = designWithoutRoute(VERSION, 'NQSW_TO_SOCIAL_WORKER');
    expect(design.routes).toEqual([]);
    expect(design.stages.map((s) => s.key)).toEqual(['NQSW', 'SOCIAL_WORKER']);
  });

  it('should change nothing for a route the draft does not have', () => {
    expect(designWithoutRoute(VERSION, 'NOT_THERE').routes.map((r) => r.key)).toEqual([
      'NQSW_TO_SOCIAL_WORKER',
    ]);
  });
});

describe('designWithoutStage', () => {
  it('should refuse to drop a stage a route leads to or from, naming the routes', () => {
    expect(designWithoutStage(VERSION, 'NQSW')).toEqual({ blockedBy: ['NQSW_TO_SOCIAL_WORKER'] });
    expect(designWithoutStage(VERSION, 'SOCIAL_WORKER')).toEqual({ blockedBy: ['NQSW_TO_SOCIAL_WORKER'] });
  });

  it('should drop a stage no route uses, keeping the others and the routes as they were', () => {
    const unused = {
      ...VERSION,
      stages: [...VERSION.stages, { ...VERSION.stages[1]!, key: 'SPARE', name: 'Spare' }],
    };
    const result = designWithoutStage(unused, 'SPARE');
    expect('design' in result && result.design.stages.map((s) => s.key)).toEqual(['NQSW', 'SOCIAL_WORKER']);
    expect('design' in result && result.design.routes.map((r) => r.key)).toEqual(['NQSW_TO_SOCIAL_WORKER']);
  });
});
