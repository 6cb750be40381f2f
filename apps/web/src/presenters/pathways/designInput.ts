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
  return {
    pcfVersion: version.pcfVersion,
    stages: stages.map(stageInput),
    routes: version.routes.map((r) => ({
      key: r.key,
      fromStageKey: r.fromStageKey,
      toStageKey: r.toStageKey,
      mechanism: r.mechanism,
      criteria: inputFromDocument(r.criteriaDocument),
    })),
  };
}

/** `input.design.stages[3].name` → `name`: the stage form's field for an API error about the stage. */
export function stageFieldForApiField(apiField: string | undefined): string {
  const name = /design\.stages(?:\[\d+\]|\.\d+)\.(\w+)$/.exec(apiField ?? '')?.[1];
  return name && ['key', 'name', 'description', 'pcfLevelCode', 'typicalGrade'].includes(name)
    ? name
    : 'name';
}
