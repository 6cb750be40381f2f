import { DomainError } from '../errors.js';
import type { PathwayDesign, ProgressionReference } from './progression.types.js';
import { validatePathwayDesign } from './validate-pathway-design.js';

/**
 * A design may be published only when it has stages and routes (PATHWAY_EMPTY, `meta.missing` says
 * which) and still passes `validatePathwayDesign` against current reference data.
 */
export function assertPathwayPublishable(
  design: PathwayDesign,
  reference: ProgressionReference,
  field = 'input',
): void {
  if (design.stages.length === 0 || design.routes.length === 0) {
    throw new DomainError(
      'PATHWAY_EMPTY',
      'A pathway needs at least one stage and one route before it can be published.',
      undefined,
      { missing: design.stages.length === 0 ? 'STAGES' : 'ROUTES' },
    );
  }
  validatePathwayDesign(design, reference, field);
}
