import type { Criterion, PathwayDesign, PathwayRoute as DomainRoute } from '#app/domain';
import type { PathwayVersionEntity } from '#app/persistence';
import type { CriterionInput } from './dto/criterion.input.js';
import type { PathwayDesignInput } from './dto/pathway-design.input.js';
import type { PathwayRouteInput } from './dto/pathway-route.input.js';
import type { PathwayStageInput } from './dto/pathway-stage.input.js';
import type { CriterionSpec, PathwayStage, PathwayVersion } from './models/pathway.model.js';

/**
 * A criterion as the client sent it, in the domain's shape: only the fields the client set are kept,
 * so the domain's validation names whatever its type lacks.
 */
export function toCriterion(input: CriterionInput): Criterion {
  const { allDomains, criteria, ...rest } = input;
  const fields: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined && v !== null),
  );
  if (criteria !== undefined) fields.criteria = criteria.map(toCriterion);
  if (allDomains) fields.domainCodes = 'ALL';
  return fields as unknown as Criterion;
}

export const toStage = (s: PathwayStageInput) => ({
  key: s.key,
  name: s.name.trim(),
  description: s.description,
  pcfLevelCode: s.pcfLevelCode ?? null,
  pcfPathwayCode: s.pcfPathwayCode ?? null,
  typicalGrade: s.typicalGrade ?? null,
});

export const toRoute = (r: PathwayRouteInput): DomainRoute => ({
  key: r.key,
  fromStageKey: r.fromStageKey,
  toStageKey: r.toStageKey,
  mechanism: r.mechanism,
  criteria: toCriterion(r.criteria),
});

export function toDesign(input: PathwayDesignInput): PathwayDesign {
  return {
    pcfVersion: input.pcfVersion,
    stages: input.stages.map(toStage),
    routes: input.routes.map(toRoute),
  };
}

function toSpec(criterion: Criterion): CriterionSpec {
  const { domainCodes, criteria, ...rest } = criterion as Criterion & {
    domainCodes?: readonly string[] | 'ALL';
    criteria?: readonly Criterion[];
  };
  return {
    ...(rest as Omit<CriterionSpec, 'criteria' | 'domainCodes' | 'allDomains'>),
    ...(criteria ? { criteria: criteria.map(toSpec) } : {}),
    ...(domainCodes === 'ALL' ? { allDomains: true } : domainCodes ? { domainCodes: [...domainCodes] } : {}),
  };
}

export function toPathwayVersion(entity: PathwayVersionEntity): PathwayVersion {
  return {
    ...entity,
    pcfVersion: entity.design.pcfVersion,
    stages: entity.design.stages.map((s) => ({ ...s })),
    routes: entity.design.routes.map((r) => ({
      ...r,
      criteria: toSpec(r.criteria),
      criteriaDocument: r.criteria as unknown as Record<string, unknown>,
    })),
  };
}

export const stageOf = (design: PathwayDesign, key: string): PathwayStage | null =>
  design.stages.find((s) => s.key === key) ?? null;
