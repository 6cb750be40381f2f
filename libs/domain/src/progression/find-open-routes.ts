import { isDateInRange } from '../calendar/is-date-in-range.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type {
  EligibilityBasis,
  PathwayDesign,
  PathwayRoute,
  StageHistoryEntry,
} from './progression.types.js';

export interface OpenRoutes {
  basis: EligibilityBasis;
  /** Stage keys held on `asOf`, sorted. */
  currentStageKeys: string[];
  /** In design order. */
  routes: PathwayRoute[];
}

/**
 * The routes a practitioner is evaluated on, as at `asOf`: those leaving a stage they hold (a
 * stage-history entry with `from <= asOf <= to`, `to` open when null), except routes into a stage
 * already held. Holding no stage, the routes leaving the pathway's entry stages (stages no route
 * leads into); holding only stages this pathway lacks gives none. Needs only the stage history, so
 * an organisation-wide query can find who a route concerns before loading anyone's evidence.
 */
export function findOpenRoutes(
  stageHistory: readonly StageHistoryEntry[],
  design: PathwayDesign,
  asOf: IsoDate,
): OpenRoutes {
  const held = new Set(stageHistory.filter((e) => isDateInRange(asOf, e.from, e.to)).map((e) => e.stageKey));
  const basis: EligibilityBasis = held.size > 0 ? 'CURRENT_STAGES' : 'ENTRY_STAGES';
  const startKeys =
    basis === 'CURRENT_STAGES'
      ? held
      : new Set(
          design.stages.map((s) => s.key).filter((key) => !design.routes.some((r) => r.toStageKey === key)),
        );
  return {
    basis,
    currentStageKeys: [...held].sort(),
    routes: design.routes.filter((r) => startKeys.has(r.fromStageKey) && !held.has(r.toStageKey)),
  };
}
