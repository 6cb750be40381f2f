import type { Criterion, PathwayDesign, PathwayRoute } from './progression.types.js';

/**
 * The most registration years any CPD_COMPLIANCE criterion of the designs asks about (0 when none
 * does), so callers load only as much CPD history as the criteria can read.
 */
export function cpdYearsAsked(...designs: readonly PathwayDesign[]): number {
  return Math.max(0, ...designs.map((d) => cpdYearsAskedBy(d.routes)));
}

/** The same for some routes (say, those open to one practitioner). */
export function cpdYearsAskedBy(routes: readonly PathwayRoute[]): number {
  const walk = (c: Criterion): number =>
    c.type === 'ALL_OF' || c.type === 'ANY_OF'
      ? Math.max(0, ...c.criteria.map(walk))
      : c.type === 'CPD_COMPLIANCE'
        ? c.registrationYears
        : 0;
  return Math.max(0, ...routes.map((r) => walk(r.criteria)));
}
