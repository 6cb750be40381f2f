import type { IsoDate } from '../calendar/iso-date.js';

/** Someone's time as an NQSW, as the supervision frequency sees it. */
export interface NqswPeriod {
  startedOn: IsoDate;
  /** The day it ended (the ASYE confirmed, or a move to a stage beyond the ASYE); `null` while it runs. */
  endedOn: IsoDate | null;
}

export interface NqswPeriodFacts {
  /** The person's ASYE programmes, in any order. */
  programmes: readonly { startDate: IsoDate; confirmedOn: IsoDate | null }[];
  /** The person's stage spells, on any pathway, in any order, with the PCF level of each stage. */
  stages: readonly { fromDate: IsoDate; pcfLevelCode: string | null }[];
}

/** PCF 2018 levels of qualified practice after the ASYE: a stage at one of these is no longer an NQSW's. */
const LEVELS_BEYOND_ASYE: ReadonlySet<string> = new Set([
  'SOCIAL_WORKER',
  'EXPERIENCED_SOCIAL_WORKER',
  'ADVANCED',
  'STRATEGIC',
]);

/**
 * When someone was an NQSW, from their latest ASYE (an earlier one has ended) to the earlier of its
 * confirmation and the first stage after its start at a PCF level beyond the ASYE (a promotion).
 * Stage keys are each organisation's own, so the stage is judged by its PCF level, never its name; a
 * stage with no level, or a pre-qualifying one recorded late, ends nothing. `null` for someone who
 * never started an ASYE.
 */
export function nqswPeriodOf(facts: NqswPeriodFacts): NqswPeriod | null {
  const latest = facts.programmes.reduce<NqswPeriodFacts['programmes'][number] | null>(
    (found, p) => (found === null || p.startDate > found.startDate ? p : found),
    null,
  );
  if (latest === null) return null;
  const ends = [
    latest.confirmedOn,
    ...facts.stages
      .filter((s) => s.fromDate > latest.startDate && LEVELS_BEYOND_ASYE.has(s.pcfLevelCode ?? ''))
      .map((s) => s.fromDate),
  ].filter((d): d is IsoDate => d !== null);
  const endedOn = ends.reduce<IsoDate | null>((first, d) => (first === null || d < first ? d : first), null);
  return { startedOn: latest.startDate, endedOn };
}
