import { DomainError } from '../errors.js';
import { isDateInRange } from '../calendar/is-date-in-range.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/add-days.js';
import { formatDay } from '../calendar/format-day.js';
import { pluralise } from '../calendar/pluralise.js';
import { assertRuleSetsDoNotOverlap } from './assert-rule-sets-do-not-overlap.js';
import type {
  CpdComplianceFacts,
  CpdComplianceOptions,
  CpdComplianceResult,
  CpdPeriod,
  CpdPieceFacts,
  CpdRequirementResult,
  CpdRequirementRule,
  CpdRuleSet,
  MonthDay,
} from './compliance.types.js';
import { cpdDuplicateKey } from './cpd-duplicate-key.js';
import { cpdPeriodOf } from './cpd-period-of.js';
import { CPD_RULE_SETS } from './cpd-rule-sets.js';
import { daysBetween } from '../calendar/days-between.js';
import { londonDateOf } from './london-date-of.js';

const DEFAULT_AT_RISK_WITHIN_DAYS = 90;

/**
 * Whether a practitioner meets their regulator's CPD rules for one period, as at the instant `asOf`
 * (reference §3.2, §4, §10 rules 1, 2 and 9). All days are UK (Europe/London) days.
 *
 * Which period: the one containing `asOf`'s UK day, or `options.periodContaining`.
 * Which rules: a period is judged by the rule set in force on its deadline day, the day the
 * requirement falls due. So a Welsh period whose deadline is 31 March 2025 needs 90 hours, and one
 * whose deadline is 1 April 2025 only a confirmation, whenever it is evaluated. For each of the
 * regulator's rule sets the period containing the day is worked out under that rule set, and the one
 * in force on that period's deadline is chosen (the newest, should several be). NO_RULE_SET when none.
 *
 * What counts:
 * - Pieces count by the day they are dated (`date`), inside the period, both ends inclusive: a piece
 *   dated 1 December counts for the registration year that starts that day, not the one before.
 * - The employer's sign-off status is ignored: SWE counts what the social worker records with SWE,
 *   not what their employer has approved. A piece counts for `DISTINCT_PIECES` once SWE's required
 *   fields (title, description, learning, impact) are all filled in, whatever its status.
 * - Identical pieces (`cpdDuplicateKey`) count once, for pieces, peer reflections and hours alike
 *   (for hours, the largest of the identical records).
 * - Hours are summed in whole minutes, so 89.5 h stays short of 90 h without rounding drift.
 * - A declaration counts when made in the period, from the renewal window's opening if there is one.
 *
 * Exempt: under a `REGISTRATION_YEAR` rule with `joinersExemptFrom`, someone whose registration
 * started on or after that day of the year (or after the year ended) owes nothing: `met`, no requirements.
 *
 * `daysLeft` counts UK days from `asOf` to the deadline day (0 on the day, −1 the day after);
 * `deadlinePassed` compares instants, so 23:59:59 on 30 November is in time and 00:00 on 1 December is not.
 */
export function evaluateCpdCompliance(
  facts: CpdComplianceFacts,
  asOf: Date,
  ruleSets: readonly CpdRuleSet[] = CPD_RULE_SETS,
  options: CpdComplianceOptions = {},
): CpdComplianceResult {
  const today = londonDateOf(asOf);
  const day = options.periodContaining ?? today;
  const { ruleSet, period } = choose(facts, day, ruleSets);

  const renewalWindowOpensOn =
    ruleSet.renewalWindow === null
      ? null
      : 'opensOn' in ruleSet.renewalWindow
        ? latestOnOrBefore(ruleSet.renewalWindow.opensOn, period.end)
        : addDays(period.end, -ruleSet.renewalWindow.opensDaysBeforeEnd);

  const daysLeft = daysBetween(today, period.deadlineOn);
  const deadlinePassed = asOf.getTime() > period.deadline.getTime();
  const base = {
    regulator: facts.regulator,
    ruleSetId: ruleSet.id,
    period,
    renewalWindowOpensOn,
    daysLeft,
    deadlinePassed,
  };

  if (isExempt(ruleSet, period, facts.registeredFrom)) {
    return { ...base, exempt: true, met: true, requirements: [], atRisk: false };
  }

  const inPeriod = distinctPieces(
    facts.pieces.filter((p) => isDateInRange(p.date, period.start, period.end)),
  );
  const declarationsFrom =
    renewalWindowOpensOn !== null && renewalWindowOpensOn > period.start
      ? renewalWindowOpensOn
      : period.start;
  const declarations = (facts.declarations ?? []).filter((d) =>
    isDateInRange(d.madeOn, declarationsFrom, period.end),
  ).length;

  const requirements = ruleSet.requirements.map((rule) =>
    evaluateRequirement(rule, inPeriod, declarations, period, declarationsFrom),
  );
  const met = requirements.every((r) => r.met);
  const atRisk =
    !met && !deadlinePassed && daysLeft <= (options.atRiskWithinDays ?? DEFAULT_AT_RISK_WITHIN_DAYS);
  return { ...base, exempt: false, met, requirements, atRisk };
}

function choose(
  facts: CpdComplianceFacts,
  day: IsoDate,
  ruleSets: readonly CpdRuleSet[],
): { ruleSet: CpdRuleSet; period: CpdPeriod } {
  const own = ruleSets.filter((r) => r.regulator === facts.regulator);
  assertRuleSetsDoNotOverlap(own);
  let missingRegistration: DomainError | null = null;
  let chosen: { ruleSet: CpdRuleSet; period: CpdPeriod } | null = null;
  for (const ruleSet of own) {
    let period: CpdPeriod;
    try {
      period = cpdPeriodOf(ruleSet, day, facts.registeredFrom);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'REGISTRATION_DATE_REQUIRED') {
        missingRegistration = error;
        continue;
      }
      throw error;
    }
    const inForce = isDateInRange(period.deadlineOn, ruleSet.effectiveFrom, ruleSet.effectiveTo);
    if (inForce && (chosen === null || ruleSet.effectiveFrom > chosen.ruleSet.effectiveFrom)) {
      chosen = { ruleSet, period };
    }
  }
  if (chosen !== null) return chosen;
  if (missingRegistration !== null) throw missingRegistration;
  throw new DomainError(
    'NO_RULE_SET',
    `No CPD rules for ${facts.regulator} are known for the period containing ${day}.`,
    undefined,
    { regulator: facts.regulator, day },
  );
}

function isExempt(ruleSet: CpdRuleSet, period: CpdPeriod, registeredFrom: IsoDate | null): boolean {
  if (registeredFrom === null || ruleSet.period.kind !== 'REGISTRATION_YEAR') return false;
  if (registeredFrom > period.end) return true;
  const from = ruleSet.period.joinersExemptFrom;
  return from !== null && registeredFrom >= latestOnOrBefore(from, period.end);
}

/** The last day on or before `until` that falls on `monthDay`. */
function latestOnOrBefore(monthDay: MonthDay, until: IsoDate): IsoDate {
  const year = Number(until.slice(0, 4));
  const sameYear = `${until.slice(0, 4)}-${monthDay}`;
  return sameYear <= until ? sameYear : `${String(year - 1).padStart(4, '0')}-${monthDay}`;
}

interface DistinctPiece {
  complete: boolean;
  hasPeerReflection: boolean;
  minutes: number;
}

/**
 * Identical pieces merged into one: complete or with a peer reflection if any of them is. Only pieces
 * that share their day with another can be identical (the day is part of `cpdDuplicateKey`), so the
 * text of the others is never normalised.
 */
function distinctPieces(pieces: readonly CpdPieceFacts[]): { merged: DistinctPiece[]; duplicates: number } {
  const perDay = new Map<IsoDate, number>();
  for (const piece of pieces) perDay.set(piece.date, (perDay.get(piece.date) ?? 0) + 1);
  const alone: DistinctPiece[] = [];
  const byKey = new Map<string, DistinctPiece>();
  for (const piece of pieces) {
    const minutes =
      piece.hours !== null && Number.isFinite(piece.hours) && piece.hours > 0
        ? Math.round(piece.hours * 60)
        : 0;
    const complete = [piece.title, piece.description, piece.learning, piece.impact].every(
      (s) => s.trim() !== '',
    );
    if (perDay.get(piece.date) === 1) {
      alone.push({ complete, hasPeerReflection: piece.hasPeerReflection, minutes });
      continue;
    }
    const key = cpdDuplicateKey(piece);
    const seen = byKey.get(key);
    byKey.set(key, {
      complete: complete || (seen?.complete ?? false),
      hasPeerReflection: piece.hasPeerReflection || (seen?.hasPeerReflection ?? false),
      minutes: Math.max(minutes, seen?.minutes ?? 0),
    });
  }
  return {
    merged: [...alone, ...byKey.values()],
    duplicates: pieces.length - alone.length - byKey.size,
  };
}

function evaluateRequirement(
  rule: CpdRequirementRule,
  pieces: { merged: DistinctPiece[]; duplicates: number },
  declarations: number,
  period: CpdPeriod,
  declarationsFrom: IsoDate,
): CpdRequirementResult {
  const between = `between ${formatDay(period.start)} and ${formatDay(period.end)}`;
  const complete = pieces.merged.filter((p) => p.complete);
  switch (rule.kind) {
    case 'DISTINCT_PIECES': {
      const current = complete.length;
      const short = rule.min - current;
      const incomplete = pieces.merged.length - current;
      const notes = [
        pieces.duplicates > 0 ? ' Identical pieces count once.' : '',
        incomplete > 0
          ? ` ${pluralise(incomplete, 'piece')} dated in this period ${incomplete === 1 ? 'needs' : 'need'} a title, description, learning and impact before counting.`
          : '',
      ].join('');
      return result(
        rule.kind,
        current,
        rule.min,
        'PIECES',
        `Record ${pluralise(short, 'more piece')} of CPD dated ${between}.${notes}`,
      );
    }
    case 'PIECES_WITH_PEER_REFLECTION': {
      const current = complete.filter((p) => p.hasPeerReflection).length;
      const short = rule.min - current;
      return result(
        rule.kind,
        current,
        rule.min,
        'PIECES',
        `Add a peer reflection (what you learnt from discussing it with a peer, manager or other professional) to ${pluralise(short, 'more piece')} of CPD dated ${between}.`,
      );
    }
    case 'HOURS': {
      const minutes = pieces.merged.reduce((sum, p) => sum + p.minutes, 0);
      const shortMinutes = rule.min * 60 - minutes;
      return {
        code: rule.kind,
        met: shortMinutes <= 0,
        progress: { current: minutes / 60, required: rule.min, unit: 'HOURS' },
        missing:
          shortMinutes <= 0 ? null : `Record ${hours(shortMinutes)} more hours of CPD dated ${between}.`,
      };
    }
    case 'DECLARATION':
      return result(
        rule.kind,
        Math.min(declarations, 1),
        1,
        'DECLARATIONS',
        `Declare (or confirm) your CPD to your regulator between ${formatDay(declarationsFrom)} and ${formatDay(period.end)}.`,
      );
  }
}

function result(
  code: CpdRequirementResult['code'],
  current: number,
  required: number,
  unit: CpdRequirementResult['progress']['unit'],
  missing: string,
): CpdRequirementResult {
  const met = current >= required;
  return { code, met, progress: { current, required, unit }, missing: met ? null : missing };
}

function hours(minutes: number): string {
  // Rounded up to the hundredth, so what is left is never understated.
  return String(Math.ceil((minutes / 60) * 100 - 1e-9) / 100);
}
