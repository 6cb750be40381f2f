/** Passwords seen in every breach list; refused whatever their length. */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'administrator',
  'changeme',
  'abc123',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  'football',
  'monkey',
  'dragon',
  'sunshine',
  'socialwork',
  'socialworker',
]);

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Returns the reasons a password is too weak (empty when it is acceptable), in the
 * spirit of NCSC/NIST guidance: length over complexity rules, no common or
 * personal passwords.
 */
export function checkPasswordStrength(
  password: string,
  personal: { email: string; fullName?: string },
): string[] {
  const reasons: string[] = [];
  const lower = password.toLowerCase();
  if (password.length < MIN_PASSWORD_LENGTH)
    reasons.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    reasons.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const stripped = lower.replace(/[^a-z0-9]/g, '');
  if (COMMON.has(lower) || COMMON.has(stripped) || COMMON.has(stripped.replace(/\d+$/, ''))) {
    reasons.push('is a commonly used password');
  }
  if (new Set(password).size < 5) reasons.push('must use at least 5 different characters');
  const localPart = personal.email.split('@')[0]?.toLowerCase() ?? '';
  const nameParts = (personal.fullName ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 4);
  if ((localPart.length >= 4 && lower.includes(localPart)) || nameParts.some((p) => lower.includes(p))) {
    reasons.push('must not contain your name or email address');
  }
  return reasons;
}
