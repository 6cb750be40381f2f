import { addDays } from '../calendar/add-days.js';
import { DomainError } from '../errors.js';
import type { CpdComplianceYear } from '../progression/progression.types.js';
import type { CpdComplianceFacts, CpdRuleSet } from './compliance.types.js';
import { CPD_RULE_SETS } from './cpd-rule-sets.js';
import { evaluateCpdCompliance } from './evaluate-cpd-compliance.js';

/**
 * Whether CPD was met in each of the practitioner's most recent completed registration periods (those
 * whose deadline has passed on `asOf`), newest first, at most `periods` of them: the facts the
 * progression criterion CPD_COMPLIANCE is judged on. The history stops at a period that ended before
 * the registration began, or that no rule set covers (the rules are not known there), so it can be
 * shorter than asked; an exempt period (a late joiner) counts as met.
 */
export function cpdComplianceHistory(
  facts: CpdComplianceFacts,
  asOf: Date,
  periods: number,
  ruleSets: readonly CpdRuleSet[] = CPD_RULE_SETS,
): CpdComplianceYear[] {
  const history: CpdComplianceYear[] = [];
  let day: string | null = null;
  while (history.length < periods) {
    let result;
    try {
      result = evaluateCpdCompliance(facts, asOf, ruleSets, day === null ? {} : { periodContaining: day });
    } catch (error) {
      if (error instanceof DomainError) break; // no rule set, or no registration date: unknown from here back
      throw error;
    }
    const { period } = result;
    if (facts.registeredFrom !== null && period.end < facts.registeredFrom) break;
    if (result.deadlinePassed) {
      history.push({ periodLabel: label(period.start, period.end), periodEnd: period.end, met: result.met });
    }
    day = addDays(period.start, -1);
  }
  return history;
}

/** "2024–25" for a year, "2022–25" for three. */
function label(start: string, end: string): string {
  return `${start.slice(0, 4)}\u2013${end.slice(2, 4)}`;
}
