// The dashboard's parts: the shared types and helpers are in insightPart.ts; the parts about where
// people are (stages, coverage, pipeline, cohort) and about how the work flows (CPD, reviews,
// supervision) each have a file.
import { PART_KEYS, type Insight, type InsightPart, type PartKey } from './insightPart.js';
import { cohortPart, coveragePart, pipelinePart, stagesPart } from './whereTheWorkforceIs.js';
import { cpdPart, supervisionPart, turnaroundPart } from './howTheWorkFlows.js';

export { isPartKey, PART_KEYS, type Insight, type InsightPart, type PartKey } from './insightPart.js';
export { cohortPart, coveragePart, pipelinePart, stagesPart } from './whereTheWorkforceIs.js';
export { cpdPart, supervisionPart, turnaroundPart } from './howTheWorkFlows.js';

const PARTS: Record<PartKey, (insight: Insight) => InsightPart> = {
  stages: stagesPart,
  coverage: coveragePart,
  cpd: cpdPart,
  turnaround: turnaroundPart,
  supervision: supervisionPart,
  pipeline: pipelinePart,
  cohort: cohortPart,
};

export function insightPart(key: PartKey, insight: Insight): InsightPart {
  return PARTS[key](insight);
}

export function insightParts(insight: Insight): InsightPart[] {
  return PART_KEYS.map((key) => PARTS[key](insight));
}
