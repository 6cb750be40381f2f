import { DomainError } from '../errors.js';
import type {
  CpdAtRiskReport,
  CpdComplianceOptions,
  CpdRuleSet,
  PractitionerCpdFacts,
} from './compliance.types.js';
import { CPD_RULE_SETS } from './cpd-rule-sets.js';
import { evaluateCpdCompliance } from './evaluate-cpd-compliance.js';

/**
 * An organisation's view of who is at risk of missing their CPD deadline (see `evaluateCpdCompliance`
 * for what "at risk" means), fewest days left first, then by practitioner id. Someone who cannot be
 * judged (no rule set, no registration date) is listed in `notEvaluated` instead of failing the view.
 */
export function listCpdAtRisk(
  practitioners: readonly PractitionerCpdFacts[],
  asOf: Date,
  ruleSets: readonly CpdRuleSet[] = CPD_RULE_SETS,
  options: Omit<CpdComplianceOptions, 'periodContaining'> = {},
): CpdAtRiskReport {
  const report: CpdAtRiskReport = { atRisk: [], notEvaluated: [] };
  for (const { practitionerId, facts } of practitioners) {
    try {
      const result = evaluateCpdCompliance(facts, asOf, ruleSets, options);
      if (result.atRisk) report.atRisk.push({ practitionerId, result });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.notEvaluated.push({ practitionerId, code: error.code });
    }
  }
  report.atRisk.sort(
    (a, b) =>
      a.result.daysLeft - b.result.daysLeft ||
      (a.practitionerId < b.practitionerId ? -1 : a.practitionerId > b.practitionerId ? 1 : 0),
  );
  return report;
}
