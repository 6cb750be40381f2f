import type { IsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import type { CaseProblem } from './exchange.types.js';

export type Obj = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the fields of a CASE package; every failure is CASE_DOCUMENT_INVALID naming the field. */
export interface CaseReader {
  /** The client's name for a path inside the JSON text, e.g. `input.caseJson.CFItems[3].uri`. */
  at(path: string): string;
  fail(path: string, reason: CaseProblem, message: string): never;
  /** A non-empty string of at most `max` characters. */
  text1(value: unknown, path: string, max: number): string;
  /** Any string, empty included, of at most `max` characters. */
  textAny(value: unknown, path: string, max?: number): string;
  /** `text1`, or null when absent. */
  optionalText(value: unknown, path: string, max: number): string | null;
  /** `textAny`, or null when absent. */
  nullableText(value: unknown, path: string): string | null;
  /** A real day as YYYY-MM-DD, or null when absent. */
  isoDate(value: unknown, path: string): IsoDate | null;
}

/** The field readers for a package held in the input field `field`. */
export function caseReader(field: string): CaseReader {
  const at = (path: string) => (path ? `${field}.${path}` : field);
  const fail = (path: string, reason: CaseProblem, message: string): never => {
    throw new DomainError('CASE_DOCUMENT_INVALID', message, at(path), { reason });
  };
  function text1(value: unknown, path: string, max: number): string {
    if (typeof value !== 'string' || value.trim().length === 0) {
      return fail(
        path,
        value === undefined ? 'MISSING' : 'INVALID_VALUE',
        `${lastSegment(path)} must be a non-empty string.`,
      );
    }
    if (value.length > max)
      fail(path, 'INVALID_VALUE', `${lastSegment(path)} is longer than ${max} characters.`);
    return value;
  }
  function textAny(value: unknown, path: string, max = 20_000): string {
    if (typeof value !== 'string')
      return fail(path, 'INVALID_VALUE', `${lastSegment(path)} must be a string.`);
    if (value.length > max)
      fail(path, 'INVALID_VALUE', `${lastSegment(path)} is longer than ${max} characters.`);
    return value;
  }
  function optionalText(value: unknown, path: string, max: number): string | null {
    return value === undefined || value === null ? null : text1(value, path, max);
  }
  function nullableText(value: unknown, path: string): string | null {
    return value === null || value === undefined ? null : textAny(value, path);
  }
  function isoDate(value: unknown, path: string): IsoDate | null {
    if (value === null || value === undefined) return null;
    if (
      typeof value !== 'string' ||
      !ISO_DATE.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    ) {
      return fail(path, 'INVALID_VALUE', `${lastSegment(path)} must be a date like 2027-04-01.`);
    }
    return value;
  }
  return { at, fail, text1, textAny, optionalText, nullableText, isoDate };
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function extensionOf(value: Obj): Obj {
  const ext = isObj(value.extensions) ? value.extensions.pathways : undefined;
  return isObj(ext) ? ext : {};
}

export function wholeNumber(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : null;
}

function lastSegment(path: string): string {
  return path.split('.').pop() ?? path;
}
