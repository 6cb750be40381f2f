/**
 * Whether ten digits (spaces and dashes ignored) form an NHS number with a valid modulus-11
 * check digit: weight the first nine digits 10 down to 2, sum them, and the check digit is
 * 11 minus the remainder mod 11 (11 becomes 0; 10 means no valid number has those nine digits).
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[ -]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    sum += Number(digits[i]) * (10 - i);
  }
  // A computed check digit of 10 matches no digit, so those nine digits never make a valid number.
  const check = (11 - (sum % 11)) % 11;
  return check === Number(digits[9]);
}
