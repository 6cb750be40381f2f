import { DomainError } from '../errors.js';
import { detectIdentifiers } from './detect-identifiers.js';
import type { FieldIdentifierWarning, NamedText } from './portfolio.types.js';

/** `detectIdentifiers` over several fields, each warning naming its field, in the order given. */
export function scanForIdentifiers(texts: readonly NamedText[]): FieldIdentifierWarning[] {
  return texts.flatMap(([field, text]) =>
    text ? detectIdentifiers(text).map((w) => ({ field, ...w })) : [],
  );
}

/**
 * For free text written on a record that has nowhere to keep warnings (a review comment, an
 * application statement, an ASYE comment): refuses the write while the text looks as if it
 * identifies someone, unless the writer confirmed that nobody can be identified. The error names
 * the first field at fault and lists every warning by field and offset, never the text itself.
 * Returns the warnings the writer confirmed (none when the text is clean), for the audit trail.
 */
export function assertIdentifiersConfirmed(
  texts: readonly NamedText[],
  confirmed: boolean,
  prefix = 'input',
): FieldIdentifierWarning[] {
  const warnings = scanForIdentifiers(texts);
  if (warnings.length === 0 || confirmed) return warnings;
  throw new DomainError(
    'IDENTIFIERS_DETECTED',
    'The text may identify someone you work with: edit it, or confirm that nobody can be identified.',
    `${prefix}.${warnings[0]!.field}`,
    { warnings },
  );
}
