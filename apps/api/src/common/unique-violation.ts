/**
 * Whether a write failed on a unique constraint (the named one, when given), so a service can say
 * which value is taken instead of the generic CONFLICT a unique violation otherwise becomes.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.driverError?.code ?? e.code;
  const name = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
