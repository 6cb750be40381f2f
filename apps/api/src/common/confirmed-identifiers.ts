import type { FieldIdentifierWarning } from '#app/domain';

/**
 * What an audit record keeps of warnings the writer confirmed identify nobody: which fields and how
 * many, never the text or where in it. Nothing when there were no warnings.
 */
export function confirmedIdentifiers(warnings: readonly FieldIdentifierWarning[]): {
  identifiersConfirmed?: { fields: string[]; warnings: number };
} {
  if (warnings.length === 0) return {};
  return {
    identifiersConfirmed: { fields: [...new Set(warnings.map((w) => w.field))], warnings: warnings.length },
  };
}
