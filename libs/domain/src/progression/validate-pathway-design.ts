import { DomainError } from '../errors.js';
import { findRouteCycle } from './find-route-cycle.js';
import { PCF_FRAMEWORK_CODE, type PathwayDesign, type ProgressionReference } from './progression.types.js';
import { validateCriterion } from './validate-criterion.js';

/**
 * Checks a pathway design against reference data when it is saved; throws the first problem as a
 * DomainError whose `field` is a path under `field` (the client's name for the design, `input` by
 * default), e.g. `input.routes[2].criteria.criteria[0].domainCodes`. In order:
 * - the PCF version: FRAMEWORK_NOT_FOUND;
 * - each stage: DUPLICATE_STAGE_KEY, FRAMEWORK_LEVEL_NOT_FOUND, FRAMEWORK_PATHWAY_NOT_FOUND;
 * - each route: DUPLICATE_ROUTE_KEY, STAGE_NOT_FOUND (either end), ROUTE_CREATES_CYCLE (a route from
 *   a stage to itself), DUPLICATE_ROUTE (a second route between the same two stages, same direction);
 * - the routes together: ROUTE_CREATES_CYCLE on the first route, in order, that closes a cycle, with
 *   `meta.stageKeys` and `meta.routeKeys` naming the cycle;
 * - each route's criteria: CRITERION_INVALID or STAGE_NOT_FOUND (see `validateCriterion`).
 * An empty design is valid while it is a draft; see `assertPathwayPublishable`.
 */
export function validatePathwayDesign(
  design: PathwayDesign,
  reference: ProgressionReference,
  field = 'input',
): void {
  const pcf = reference.frameworks.find(
    (f) => f.code === PCF_FRAMEWORK_CODE && f.version === design.pcfVersion,
  );
  if (pcf === undefined) {
    throw new DomainError(
      'FRAMEWORK_NOT_FOUND',
      `There is no PCF version ${design.pcfVersion}.`,
      `${field}.pcfVersion`,
      {
        frameworkCode: PCF_FRAMEWORK_CODE,
        version: design.pcfVersion,
      },
    );
  }

  const stageKeys = new Set<string>();
  design.stages.forEach((stage, i) => {
    const at = `${field}.stages[${i}]`;
    if (stageKeys.has(stage.key)) {
      throw new DomainError('DUPLICATE_STAGE_KEY', 'Two stages have the same key.', `${at}.key`, {
        stageKey: stage.key,
      });
    }
    stageKeys.add(stage.key);
    const level =
      stage.pcfLevelCode == null ? undefined : pcf.levels.find((l) => l.code === stage.pcfLevelCode);
    if (stage.pcfLevelCode != null && level === undefined) {
      throw new DomainError(
        'FRAMEWORK_LEVEL_NOT_FOUND',
        `PCF ${pcf.version} has no such level.`,
        `${at}.pcfLevelCode`,
        {
          levelCode: stage.pcfLevelCode,
        },
      );
    }
    if (stage.pcfPathwayCode != null && !level?.pathways.some((p) => p.code === stage.pcfPathwayCode)) {
      throw new DomainError(
        'FRAMEWORK_PATHWAY_NOT_FOUND',
        'The stage\u2019s PCF level has no such pathway.',
        `${at}.pcfPathwayCode`,
        { levelCode: stage.pcfLevelCode, pathwayCode: stage.pcfPathwayCode },
      );
    }
  });

  const routeKeys = new Set<string>();
  const routeByStages = new Map<string, string>();
  design.routes.forEach((route, i) => {
    const at = `${field}.routes[${i}]`;
    if (routeKeys.has(route.key)) {
      throw new DomainError('DUPLICATE_ROUTE_KEY', 'Two routes have the same key.', `${at}.key`, {
        routeKey: route.key,
      });
    }
    routeKeys.add(route.key);
    for (const end of ['fromStageKey', 'toStageKey'] as const) {
      if (!stageKeys.has(route[end])) {
        throw new DomainError('STAGE_NOT_FOUND', 'This pathway has no such stage.', `${at}.${end}`, {
          stageKey: route[end],
        });
      }
    }
    if (route.fromStageKey === route.toStageKey) {
      throw new DomainError(
        'ROUTE_CREATES_CYCLE',
        'A route cannot lead from a stage to itself.',
        `${at}.toStageKey`,
        {
          stageKeys: [route.fromStageKey],
          routeKeys: [route.key],
        },
      );
    }
    const stages = JSON.stringify([route.fromStageKey, route.toStageKey]);
    const other = routeByStages.get(stages);
    if (other !== undefined) {
      throw new DomainError(
        'DUPLICATE_ROUTE',
        'There is already a route between these stages.',
        `${at}.toStageKey`,
        {
          fromStageKey: route.fromStageKey,
          toStageKey: route.toStageKey,
          routeKeys: [other, route.key],
        },
      );
    }
    routeByStages.set(stages, route.key);
  });

  const cycle = findRouteCycle(design.routes);
  if (cycle !== null) {
    throw new DomainError(
      'ROUTE_CREATES_CYCLE',
      'Routes may not lead back to a stage they start from.',
      `${field}.routes[${cycle.routeIndex}].toStageKey`,
      { stageKeys: cycle.stageKeys, routeKeys: cycle.routeKeys },
    );
  }

  const scope = { reference, pcf, stageKeys };
  design.routes.forEach((route, i) =>
    validateCriterion(route.criteria, scope, `${field}.routes[${i}].criteria`),
  );
}
