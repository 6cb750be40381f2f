import { DomainError } from '../errors.js';
import { isDateInRange } from '../calendar/is-date-in-range.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { evaluateCriterion } from './criteria/evaluate-criterion.js';
import { indexApprovedEvidence } from './criteria/index-approved-evidence.js';
import { findOpenRoutes } from './find-open-routes.js';
import { measureCloseness } from './measure-closeness.js';
import {
  PCF_FRAMEWORK_CODE,
  type EligibilityResult,
  type PathwayDesign,
  type PractitionerFacts,
  type ProgressionReference,
} from './progression.types.js';

/**
 * Which routes a practitioner may apply for or be put forward on, as at `asOf`, and how far each
 * criterion is from being met. Pure and deterministic: the same facts in any order give the same
 * result. Eligibility is never a promotion (reference §10 rule 3): a manager, panel or recruiter
 * decides, and every threshold is the employer's local choice (rule 8).
 *
 * Routes evaluated: those `findOpenRoutes` gives (leaving a stage held on `asOf`, or the entry
 * stages when none is held). Routes come back in design order, each with `closeness` (see
 * `measureCloseness`) for sorting by how close.
 *
 * The design is assumed validated (`validatePathwayDesign`) against the same `reference`, which
 * supplies the titles and level names gap texts use.
 */
export function evaluateEligibility(
  facts: PractitionerFacts,
  design: PathwayDesign,
  asOf: IsoDate,
  reference: ProgressionReference,
): EligibilityResult {
  isDateInRange(asOf, null, null); // refuses anything but YYYY-MM-DD
  const pcf = reference.frameworks.find(
    (f) => f.code === PCF_FRAMEWORK_CODE && f.version === design.pcfVersion,
  );
  if (pcf === undefined) {
    throw new DomainError(
      'FRAMEWORK_NOT_FOUND',
      `PCF version ${design.pcfVersion} is not in the reference data.`,
      undefined,
      {
        frameworkCode: PCF_FRAMEWORK_CODE,
        version: design.pcfVersion,
      },
    );
  }

  const { basis, currentStageKeys, routes: open } = findOpenRoutes(facts.stageHistory, design, asOf);
  const evidence = open.length > 0 ? indexApprovedEvidence(facts, asOf, pcf) : [];
  const routes = open.map((route) => {
    const outcome = evaluateCriterion(route.criteria, {
      asOf,
      facts,
      design,
      reference,
      pcf,
      fromStageKey: route.fromStageKey,
      evidence,
    });
    return {
      routeKey: route.key,
      fromStageKey: route.fromStageKey,
      toStageKey: route.toStageKey,
      mechanism: route.mechanism,
      eligible: outcome.met,
      closeness: measureCloseness(outcome),
      outcome,
    };
  });

  return { asOf, basis, currentStageKeys, routes };
}
