import type { Regulator } from './roles.js';

/**
 * Whether a regulator's registration number has the right form (not whether it is on the register).
 * Social Work England numbers are "SW" and digits (e.g. SW123456), as its public register shows them.
 * The other regulators' forms are unconfirmed (reference §0): letters and digits, 4 to 12 of them.
 * Compares case-insensitively; callers keep the number as `normaliseRegistrationNumber` gives it.
 */
export function isValidRegistrationNumber(regulator: Regulator, number: string): boolean {
  const n = normaliseRegistrationNumber(number);
  return regulator === 'SOCIAL_WORK_ENGLAND' ? /^SW\d{1,7}$/.test(n) : /^[A-Z0-9]{4,12}$/.test(n);
}

/** A registration number as stored: upper case, no spaces. */
export function normaliseRegistrationNumber(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}
