import { isValidNhsNumber } from './is-valid-nhs-number.js';
import type { IdentifierKind, IdentifierWarning } from './portfolio.types.js';

/*
 * Patterns are deliberately anchored on what is NOT next to them (lookbehind/lookahead) so that each
 * run of characters is scanned from its start only, which keeps the cost close to linear in the text length.
 */

/** Ten digits, bare or grouped 3-3-4 by the same single space or dash; not part of a longer number or a price. */
const NHS_NUMBER = /(?<![\d£$€.,])\d{3}([ -]?)\d{3}\1\d{4}(?![\d]|[.,]\d)/g;

/**
 * +44 / 0044 (optionally followed by "(0)") or a trunk 0, then a 9- or 10-digit national number
 * starting 1-9, its digits separated by at most one space, dot, dash or area-code bracket.
 */
const PHONE_NUMBER =
  /(?<![\w+])(?:(?:\+|00)44[ .-]?(?:(?:\(0\)|0)[ .-]?)?|\(0|0)[1-9](?:(?:[ .-]|\) ?)?\d){8,9}(?!\d)/g;

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

/** UK postcode: the six outward shapes (A9, A99, A9A, AA9, AA99, AA9A) or GIR, optional space, inward 9AA. */
const POSTCODE =
  /(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;

/** A lower-case English ordinal ("2nd", "4th") that is shaped like an inward code, as in "Y1 2nd term". */
const ORDINAL_INWARD = /(?:1st|2nd|3rd|[04-9]th)$/;

/** Words that mark a nearby date as a date of birth. */
const DOB_KEYWORD = /\b(?:d\.? ?o\.? ?b\b\.?|date\s+of\s+birth|birth\s?date|born\b)/gi;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';

/** 12/03/2015, 12.3.15, 12-03-2015, 12 03 2015 (day and month in either order). */
const NUMERIC_DATE = /(?<!\d)(\d{1,2})([/.\- ])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/g;
/** 2015-03-12, 2015/3/12. */
const ISO_DATE = /(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)/g;
/** 12 March 2015, 12th of Mar. 2015, 12-Mar-15. */
const DAY_MONTH_DATE = new RegExp(
  `(?<![\\w])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH},?[\\s-]+(?:\\d{4}|\\d{2})(?!\\d)`,
  'gi',
);
/** March 12, 2015; Mar 12th 2015. */
const MONTH_DAY_DATE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+\\d{4}(?!\\d)`, 'gi');

/** How far a keyword may sit before a date ("DOB: ", "born on the "), and what may lie between. */
const MAX_GAP_BEFORE = 20;
const GAP_BEFORE = /^[^.;!?\n]*$/;
/** What may lie between a date and a keyword after it, as in "12/03/2015 (DOB)". */
const GAP_AFTER = /^[\s(,–-]{0,3}$/;

/** When two candidates start at the same place and are as long, the earlier kind here wins. */
const PRECEDENCE: readonly IdentifierKind[] = [
  'EMAIL',
  'NHS_NUMBER',
  'DATE_OF_BIRTH',
  'PHONE_NUMBER',
  'POSTCODE',
];

interface Span {
  start: number;
  end: number;
}

/**
 * Finds likely identifiers of people who use services in free text, so the UI can warn before
 * the text is saved (reference §10 rule 10). A warning aid, not a guarantee: it errs towards
 * flagging, except that NHS-number-shaped digits with a wrong check digit are not flagged.
 * Returns offsets only (never the matched text), sorted by start and not overlapping: where
 * candidates overlap, the one starting first wins, then the longer, then by `PRECEDENCE`.
 */
export function detectIdentifiers(text: string): IdentifierWarning[] {
  const candidates: IdentifierWarning[] = [
    ...spans(text, PHONE_NUMBER).map((s) => ({ kind: 'PHONE_NUMBER' as const, ...s })),
    ...spans(text, NHS_NUMBER)
      .filter((s) => isValidNhsNumber(text.slice(s.start, s.end)))
      .map((s) => ({ kind: 'NHS_NUMBER' as const, ...s })),
    ...spans(text, EMAIL).map((s) => ({ kind: 'EMAIL' as const, ...s })),
    ...spans(text, POSTCODE)
      .filter((s) => !ORDINAL_INWARD.test(text.slice(s.start, s.end)))
      .map((s) => ({ kind: 'POSTCODE' as const, ...s })),
    ...datesOfBirth(text).map((s) => ({ kind: 'DATE_OF_BIRTH' as const, ...s })),
  ];

  candidates.sort(
    (a, b) => a.start - b.start || b.end - a.end || PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind),
  );
  const warnings: IdentifierWarning[] = [];
  let reachedEnd = 0;
  for (const candidate of candidates) {
    if (candidate.start < reachedEnd) continue;
    warnings.push(candidate);
    reachedEnd = candidate.end;
  }
  return warnings;
}

function spans(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function datesOfBirth(text: string): Span[] {
  const keywords = spans(text, DOB_KEYWORD);
  if (keywords.length === 0) return [];
  const dates = [
    ...matches(text, NUMERIC_DATE)
      .filter((m) => isDayAndMonth(Number(m[1]), Number(m[3])) || isDayAndMonth(Number(m[3]), Number(m[1])))
      .map(toSpan),
    ...matches(text, ISO_DATE)
      .filter((m) => isDayAndMonth(Number(m[4]), Number(m[3])))
      .map(toSpan),
    ...matches(text, DAY_MONTH_DATE)
      .filter((m) => isDay(Number(m[1])))
      .map(toSpan),
    ...matches(text, MONTH_DAY_DATE)
      .filter((m) => isDay(Number(m[1])))
      .map(toSpan),
  ];
  dates.sort((a, b) => a.start - b.start);
  return dates.filter((date, i) => {
    // Keywords do not overlap, so they are sorted by start and by end alike. Only the nearest keyword
    // on each side can qualify: a farther one has a longer gap containing the nearer one's gap.
    const keywordBefore = keywords[firstIndex(keywords, (k) => k.end > date.start) - 1];
    if (keywordBefore !== undefined) {
      const gap = text.slice(keywordBefore.end, date.start);
      if (
        gap.length <= MAX_GAP_BEFORE &&
        GAP_BEFORE.test(gap) &&
        !startsBetween(dates, i, keywordBefore.end)
      ) {
        return true;
      }
    }
    const keywordAfter = keywords[firstIndex(keywords, (k) => k.start >= date.end)];
    return keywordAfter !== undefined && GAP_AFTER.test(text.slice(date.end, keywordAfter.start));
  });
}

/**
 * Whether a date before `dates[i]` (sorted by start) starts in [from, dates[i].start): in
 * "DOB 01/02/2010 and 03/04/2012" only the first date after the keyword is a birth date.
 */
function startsBetween(dates: readonly Span[], i: number, from: number): boolean {
  for (let j = i - 1; j >= 0 && dates[j]!.start >= from; j -= 1) {
    if (dates[j]!.start < dates[i]!.start) return true;
  }
  return false;
}

/** The first index in `sorted` at which `isPast` holds (it must be monotone), or `sorted.length`. */
function firstIndex<T>(sorted: readonly T[], isPast: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(sorted[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function matches(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(pattern)];
}

function toSpan(m: RegExpExecArray): Span {
  return { start: m.index, end: m.index + m[0].length };
}

function isDay(day: number): boolean {
  return day >= 1 && day <= 31;
}

function isDayAndMonth(day: number, month: number): boolean {
  return isDay(day) && month >= 1 && month <= 12;
}
