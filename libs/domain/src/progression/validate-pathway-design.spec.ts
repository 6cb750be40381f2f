import { DomainError, type DomainErrorCode } from '../errors.js';
import type { PathwayDesign } from './progression.types.js';
import { REFERENCE, design, route, stage } from './progression.test-fixtures.js';
import { validatePathwayDesign as sut } from './validate-pathway-design.js';

const base = design();

describe('validatePathwayDesign', () => {
  it.each<[string, PathwayDesign]>([
    ['the fixture design', base],
    ['an empty draft', design({ stages: [], routes: [] })],
    [
      'stages with PCF levels and pathways',
      design({
        stages: [
          stage('SOCIAL_WORKER', { pcfLevelCode: 'SOCIAL_WORKER' }),
          stage('EXPERIENCED', { pcfLevelCode: 'EXPERIENCED_SOCIAL_WORKER' }),
          stage('ADVANCED', { pcfLevelCode: 'ADVANCED', pcfPathwayCode: 'PRACTITIONER' }),
          stage('PRACTICE_EDUCATOR', { pcfLevelCode: 'ADVANCED', pcfPathwayCode: 'EDUCATOR' }),
        ],
      }),
    ],
  ])('should accept %s', (_label, pathway) => {
    expect(() => sut(pathway, REFERENCE)).not.toThrow();
  });

  it.each<[string, PathwayDesign, DomainErrorCode, string, Record<string, unknown> | null]>([
    [
      'an unknown PCF version',
      design({ pcfVersion: '2099' }),
      'FRAMEWORK_NOT_FOUND',
      'input.pcfVersion',
      null,
    ],
    [
      'two stages with one key',
      design({ stages: [...base.stages, stage('EXPERIENCED')] }),
      'DUPLICATE_STAGE_KEY',
      'input.stages[4].key',
      null,
    ],
    [
      'a stage at an unknown level',
      design({ stages: [stage('SOCIAL_WORKER', { pcfLevelCode: 'NINJA' }), ...base.stages.slice(1)] }),
      'FRAMEWORK_LEVEL_NOT_FOUND',
      'input.stages[0].pcfLevelCode',
      null,
    ],
    [
      'a stage on a pathway its level lacks',
      design({
        stages: [
          stage('SOCIAL_WORKER', { pcfLevelCode: 'SOCIAL_WORKER', pcfPathwayCode: 'PSW' }),
          ...base.stages.slice(1),
        ],
      }),
      'FRAMEWORK_PATHWAY_NOT_FOUND',
      'input.stages[0].pcfPathwayCode',
      null,
    ],
    [
      'a stage on a pathway without a level',
      design({ stages: [stage('SOCIAL_WORKER', { pcfPathwayCode: 'PSW' }), ...base.stages.slice(1)] }),
      'FRAMEWORK_PATHWAY_NOT_FOUND',
      'input.stages[0].pcfPathwayCode',
      null,
    ],
    [
      'two routes with one key',
      design({ routes: [...base.routes, route('SW_TO_EXP', 'SOCIAL_WORKER', 'ADVANCED')] }),
      'DUPLICATE_ROUTE_KEY',
      'input.routes[3].key',
      null,
    ],
    [
      'a route from an unknown stage',
      design({ routes: [...base.routes, route('X', 'STUDENT', 'SOCIAL_WORKER')] }),
      'STAGE_NOT_FOUND',
      'input.routes[3].fromStageKey',
      null,
    ],
    [
      'a route to an unknown stage',
      design({ routes: [...base.routes, route('X', 'ADVANCED', 'DIRECTOR')] }),
      'STAGE_NOT_FOUND',
      'input.routes[3].toStageKey',
      null,
    ],
    [
      'a route from a stage to itself',
      design({ routes: [...base.routes, route('LOOP', 'ADVANCED', 'ADVANCED')] }),
      'ROUTE_CREATES_CYCLE',
      'input.routes[3].toStageKey',
      { stageKeys: ['ADVANCED'], routeKeys: ['LOOP'] },
    ],
    [
      'a second route between the same stages',
      design({ routes: [...base.routes, route('AGAIN', 'EXPERIENCED', 'ADVANCED')] }),
      'DUPLICATE_ROUTE',
      'input.routes[3].toStageKey',
      { fromStageKey: 'EXPERIENCED', toStageKey: 'ADVANCED', routeKeys: ['EXP_TO_ADV', 'AGAIN'] },
    ],
    [
      'a route back down the ladder',
      design({ routes: [...base.routes, route('ADV_TO_SW', 'ADVANCED', 'SOCIAL_WORKER')] }),
      'ROUTE_CREATES_CYCLE',
      'input.routes[3].toStageKey',
      {
        stageKeys: ['ADVANCED', 'SOCIAL_WORKER', 'EXPERIENCED'],
        routeKeys: ['ADV_TO_SW', 'SW_TO_EXP', 'EXP_TO_ADV'],
      },
    ],
    [
      'a criterion naming an unknown domain',
      design({
        routes: [
          ...base.routes.slice(0, 2),
          route('EXP_TO_PE', 'EXPERIENCED', 'PRACTICE_EDUCATOR', {
            type: 'ALL_OF',
            criteria: [
              {
                type: 'APPROVED_EVIDENCE',
                minLevelCode: 'ADVANCED',
                domainCodes: ['TEACHING'],
                minPiecesPerDomain: 1,
              },
            ],
          }),
        ],
      }),
      'CRITERION_INVALID',
      'input.routes[2].criteria.criteria[0].domainCodes',
      { reason: 'UNKNOWN_DOMAIN', codes: ['TEACHING'] },
    ],
    [
      'a route criterion that is an empty group',
      design({
        routes: [route('SW_TO_EXP', 'SOCIAL_WORKER', 'EXPERIENCED', { type: 'ANY_OF', criteria: [] })],
      }),
      'CRITERION_INVALID',
      'input.routes[0].criteria.criteria',
      { reason: 'EMPTY_GROUP' },
    ],
  ])('should refuse %s', (_label, pathway, code, field, meta) => {
    const act = () => sut(pathway, REFERENCE);

    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code, field, ...(meta === null ? {} : { meta }) }));
  });

  it('should put the field under the name the client gave the design', () => {
    expect(() => sut(design({ pcfVersion: '2099' }), REFERENCE, 'input.design')).toThrow(
      expect.objectContaining({ field: 'input.design.pcfVersion' }),
    );
  });
});
