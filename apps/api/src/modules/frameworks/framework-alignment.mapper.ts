import type { FrameworkItemAlignmentRow } from '#app/persistence';
import type { FrameworkItemAlignment } from './models/framework-alignment.model.js';

/** What an imported alignment gives as its source: it has no citation of its own. */
export const IMPORTED_ALIGNMENT_SOURCE = 'the CASE package it was imported from';

/** A link as read, as the API shows it: an imported one is confirmed by the package it came in. */
export function toFrameworkItemAlignment(row: FrameworkItemAlignmentRow): FrameworkItemAlignment {
  const imported = row.origin === 'IMPORTED';
  return {
    id: row.id,
    origin: row.origin,
    type: row.type,
    confirmed: imported ? true : row.confirmed,
    source: imported ? IMPORTED_ALIGNMENT_SOURCE : row.source!,
    target: row.target,
    addedByUserId: row.createdByUserId,
    addedAt: row.createdAt,
  };
}
