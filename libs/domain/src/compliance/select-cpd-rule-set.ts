import { DomainError } from '../errors.js';
import type { Regulator } from '../identity/roles.js';
import { isDateInRange } from '../calendar/is-date-in-range.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { CpdRuleSet } from './compliance.types.js';
import { CPD_RULE_SETS } from './cpd-rule-sets.js';

/**
 * The regulator's rule set in force on `on` (a UK day), both ends of its dates inclusive.
 * Throws NO_RULE_SET when none is, and RULE_SET_OVERLAP when more than one is (bad data).
 */
export function selectCpdRuleSet(
  regulator: Regulator,
  on: IsoDate,
  ruleSets: readonly CpdRuleSet[] = CPD_RULE_SETS,
): CpdRuleSet {
  const inForce = ruleSets.filter(
    (r) => r.regulator === regulator && isDateInRange(on, r.effectiveFrom, r.effectiveTo),
  );
  if (inForce.length > 1) {
    throw new DomainError(
      'RULE_SET_OVERLAP',
      `More than one CPD rule set for ${regulator} is in force on ${on}.`,
      undefined,
      { regulator, on, ruleSetIds: inForce.map((r) => r.id) },
    );
  }
  const [ruleSet] = inForce;
  if (ruleSet === undefined) {
    throw new DomainError('NO_RULE_SET', `No CPD rules for ${regulator} are known for ${on}.`, undefined, {
      regulator,
      on,
    });
  }
  return ruleSet;
}
