import type {
  PathwayDesignInput,
  PathwayStageInput,
  ProgressionMechanism,
} from '../../data/generated/graphql.js';
import { inputFromDocument } from './criteriaForm.js';

interface StoredStage {
  key: string;
  name: string;
  description: string;
  pcfLevelCode: string | null;
  pcfPathwayCode: string | null;
  typicalGrade: string | null;
}

interface StoredVersion {
  pcfVersion: string;
  stages: StoredStage[];
  routes: {
    key: string;
    fromStageKey: string;
    toStageKey: string;
    mechanism: ProgressionMechanism;
    criteriaDocument: Record<string, unknown>;
  }[];
}

const stageInput = (s: StoredStage): PathwayStageInput => ({
  key: s.key,
  name: s.name,
  description: s.description,
  ...(s.pcfLevelCode ? { pcfLevelCode: s.pcfLevelCode } : {}),
  ...(s.pcfPathwayCode ? { pcfPathwayCode: s.pcfPathwayCode } : {}),
  ...(s.typicalGrade ? { typicalGrade: s.typicalGrade } : {}),
});

/**
 * The whole design of a draft as `updatePathwayDraft` takes it, with one stage put in place of the
 * stage of the same key (or added at the end): the API replaces a design whole, never a stage alone.
 */
export function designWithStage(version: StoredVersion, stage: StoredStage): PathwayDesignInput {
  const known = version.stages.some((s) => s.key === stage.key);
  const stages = known
    ? version.stages.map((s) => (s.key === stage.key ? stage : s))
    : [...version.stages, stage];
  return designInputOf({ ...version, stages });
}

/** A stored design as `updatePathwayDraft` takes it. */
function designInputOf(version: StoredVersion): PathwayDesignInput {
  return {
    pcfVersion: version.pcfVersion,
    stages: version.stages.map(stageInput),
    routes: version.routes.map((r) => ({
      key: r.key,
      fromStageKey: r.fromStageKey,
      toStageKey: r.toStageKey,
      mechanism: r.mechanism,
      criteria: inputFromDocument(r.criteriaDocument),
    })),
  };
}

/** The draft's design without one route. */
export function designWithoutRoute(version: StoredVersion, routeKey: string): PathwayDesignInput {
  return designInputOf({ ...version, routes: version.routes.filter((r) => r.key !== routeKey) });
}

/**
 * The draft's design without one stage, or the routes that still lead to or from it: a stage is
 * removed only once no route uses it, so a PSW never loses routes they did not choose to remove.
 */
export function designWithoutStage(
  version: StoredVersion,
  stageKey: string,
): { design: PathwayDesignInput } | { blockedBy: string[] } {
  const using = version.routes.filter((r) => r.fromStageKey === stageKey || r.toStageKey === stageKey);
  if (using.length > 0) return { blockedBy: using.map((r) => r.key) };
  return { design: designInputOf({ ...version, stages: version.stages.filter((s) => s.key !== stageKey) }) };
}

/** `input.design.stages[3].name` → `name`: the stage form's field for an API error about the stage. */
export function stageFieldForApiField(apiField: string | undefined): string {
  const name = /design\.stages(?:\[\d+\]|\.\d+)\.(\w+)$/.exec(apiField ?? '')?.[1];
  return name && ['key', 'name', 'description', 'pcfLevelCode', 'typicalGrade'].includes(name)
    ? name
    : 'name';
}
