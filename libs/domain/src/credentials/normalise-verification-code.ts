/**
 * A code as typed (any case, with or without dashes or spaces, O for 0, I or L for 1) in its
 * printed form, or `null` when it cannot be one.
 */
export function normaliseVerificationCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}`;
}
