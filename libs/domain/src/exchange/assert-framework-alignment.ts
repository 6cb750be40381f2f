import { DomainError } from '../errors.js';
import { ALIGNMENT_TYPES, type AlignmentType } from './exchange.types.js';

/** A link between two framework items as a PSW proposes it for their organisation. */
export interface ProposedFrameworkAlignment {
  fromItemId: string;
  toItemId: string;
  type: string;
  confirmed: boolean;
  /** The citation (a mapping document) or the note behind the link. */
  source: string;
}

/** An item as the rule sees it: whose framework it belongs to (null: a reference framework). */
export interface AlignmentItemOwner {
  id: string;
  organisationId: string | null;
}

/**
 * The rule for a link a PSW adds: never an item to itself; one of the CASE association types; a
 * source, which for a confirmed link names the document that states it (Pathways never invents a
 * crosswalk, so an unconfirmed link still says why it is thought to hold); and both items readable
 * by the organisation: reference items or its own imports. An item of another organisation is
 * refused exactly as an unknown one. `items` holds those of the two that exist.
 */
export function assertFrameworkAlignment(
  organisationId: string,
  proposed: ProposedFrameworkAlignment,
  items: readonly AlignmentItemOwner[],
): { type: AlignmentType; source: string } {
  const readable = (id: string) =>
    items.some((i) => i.id === id && (i.organisationId === null || i.organisationId === organisationId));
  for (const [id, field] of [
    [proposed.fromItemId, 'input.fromItemId'],
    [proposed.toItemId, 'input.toItemId'],
  ] as const) {
    if (!readable(id)) {
      throw new DomainError('FRAMEWORK_ITEM_NOT_FOUND', 'There is no such framework item.', field);
    }
  }
  if (proposed.fromItemId === proposed.toItemId) {
    throw new DomainError(
      'FRAMEWORK_ALIGNMENT_TO_ITSELF',
      'An item cannot be linked to itself: choose another item.',
      'input.toItemId',
    );
  }
  if (!(ALIGNMENT_TYPES as readonly string[]).includes(proposed.type)) {
    throw new DomainError(
      'FRAMEWORK_ALIGNMENT_TYPE_UNKNOWN',
      `Say how the items are linked: one of ${ALIGNMENT_TYPES.join(', ')}.`,
      'input.type',
    );
  }
  const source = proposed.source.trim();
  if (source.length === 0) {
    throw new DomainError(
      'FRAMEWORK_ALIGNMENT_SOURCE_REQUIRED',
      proposed.confirmed
        ? 'A confirmed link names its source: the document that maps the one item to the other.'
        : 'Say why you think the items are linked, or where the link comes from.',
      'input.source',
    );
  }
  return { type: proposed.type as AlignmentType, source };
}
