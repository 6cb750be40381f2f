import { DomainError } from '../errors.js';
import type { CpdRuleSet } from './compliance.types.js';

/**
 * Checks CPD rule sets before they are used or saved (pass the existing ones plus a new one):
 * - each ends on or after the day it starts (INVALID_DATE_RANGE);
 * - ids are unique, and no two rule sets of one regulator are in force on the same day, both ends
 *   inclusive, an open end running for ever (RULE_SET_OVERLAP). A change of rules must end the old
 *   rule set the day before the new one starts.
 */
export function assertRuleSetsDoNotOverlap(ruleSets: readonly CpdRuleSet[]): void {
  for (const r of ruleSets) {
    if (r.effectiveTo !== null && r.effectiveTo < r.effectiveFrom) {
      throw new DomainError(
        'INVALID_DATE_RANGE',
        `Rule set ${r.id} ends (${r.effectiveTo}) before it starts (${r.effectiveFrom}).`,
        'input.effectiveTo',
        { ruleSetId: r.id },
      );
    }
  }
  ruleSets.forEach((a, i) => {
    for (const b of ruleSets.slice(i + 1)) {
      if (a.id === b.id) {
        throw new DomainError('RULE_SET_OVERLAP', `Two rule sets have the id ${a.id}.`, 'input.id', {
          ruleSetIds: [a.id, b.id],
        });
      }
      const overlaps =
        a.regulator === b.regulator &&
        (b.effectiveTo === null || a.effectiveFrom <= b.effectiveTo) &&
        (a.effectiveTo === null || b.effectiveFrom <= a.effectiveTo);
      if (overlaps) {
        throw new DomainError(
          'RULE_SET_OVERLAP',
          `Rule sets ${a.id} and ${b.id} for ${a.regulator} are both in force on some days; ` +
            'end the older one the day before the newer one starts.',
          'input.effectiveFrom',
          { regulator: a.regulator, ruleSetIds: [a.id, b.id] },
        );
      }
    }
  });
}
