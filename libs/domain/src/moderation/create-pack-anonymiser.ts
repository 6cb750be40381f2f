import { detectIdentifiers } from '../portfolio/detect-identifiers.js';
import type { IdentifierKind } from '../portfolio/portfolio.types.js';
import { letterLabel } from './label-sample.js';
import type { PackAnonymiser, PackPeople } from './moderation.types.js';

const IDENTIFIER_NAMES: Record<IdentifierKind, string> = {
  NHS_NUMBER: 'NHS number',
  POSTCODE: 'postcode',
  PHONE_NUMBER: 'phone number',
  EMAIL: 'email address',
  DATE_OF_BIRTH: 'date of birth',
};

/** Two spellings of one identifier ("SW1A 1AA", "sw1a1aa") get one placeholder. */
const normalise = (kind: IdentifierKind, value: string): string =>
  kind === 'EMAIL' || kind === 'DATE_OF_BIRTH'
    ? value.toLowerCase().replace(/\s+/g, ' ')
    : value.toUpperCase().replace(/[^0-9A-Z+]/g, '');

/** Name parts shorter than this ("Jo" aside, initials mostly) are replaced only inside a full name. */
const MIN_PART = 3;
const WORD = '[\\p{L}\\p{N}]';

/**
 * The anonymiser of one moderation pack (reference: portfolios are anonymised before panels).
 * People become "Practitioner A", "Assessor 1", "Colleague 1"; their registration numbers
 * "[registration of Practitioner A]"; and each distinct identifier the confidentiality guard
 * (`detectIdentifiers`) finds becomes a placeholder numbered by letter, the same wherever it recurs
 * in the pack: "[postcode A]", "[NHS number B]". Names are matched whole-word and regardless of
 * case, full names before their parts, so "Sam Okafor", "Okafor" and "SAM" all become the label.
 * Identifier placeholders hold no digit and no "@", so replacing repeats until the guard finds
 * nothing, and the text that leaves has no identifier it would flag.
 */
export function createPackAnonymiser(people: PackPeople): PackAnonymiser {
  const labels = new Map<string, string>();
  const registrations = new Map<string, string>();
  const terms = new Map<string, string>();
  const add = (term: string, placeholder: string) => {
    const key = keyOf(term);
    if (key && !terms.has(key)) terms.set(key, placeholder);
  };
  const lists: [readonly PackPeople['practitioners'][number][], (i: number) => string][] = [
    [people.practitioners, (i) => `Practitioner ${letterLabel(i)}`],
    [people.assessors, (i) => `Assessor ${i + 1}`],
    [people.others, (i) => `Colleague ${i + 1}`],
  ];
  const named: { name: string; label: string }[] = [];
  for (const [list, labelAt] of lists) {
    let n = 0;
    for (const person of list) {
      if (labels.has(person.userId)) continue;
      const label = labelAt(n);
      n += 1;
      labels.set(person.userId, label);
      registrations.set(person.userId, `[registration of ${label}]`);
      named.push({ name: person.name, label });
      if (person.registrationNumber) add(person.registrationNumber, `[registration of ${label}]`);
    }
  }
  // Full names first, for every person, so that a part shared with someone else's full name never
  // claims it; then the parts.
  for (const { name, label } of named) add(name, label);
  for (const { name, label } of named) {
    const words = name.split(/[\s,]+/u);
    const parts = [...words, ...words.flatMap((w) => w.split(/[-‐'’.]+/u))];
    for (const part of parts) if ([...part].length >= MIN_PART) add(part, label);
  }
  const pattern =
    terms.size === 0
      ? null
      : new RegExp(
          `(?<!${WORD})(?:${[...terms.keys()]
            .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
            .map(escapeTerm)
            .join('|')})(?!${WORD})`,
          'giu',
        );

  const identifiers = new Map<string, string>();
  const counts = new Map<IdentifierKind, number>();
  const identifierPlaceholder = (kind: IdentifierKind, value: string) => {
    const key = `${kind}:${normalise(kind, value)}`;
    let placeholder = identifiers.get(key);
    if (!placeholder) {
      const n = counts.get(kind) ?? 0;
      counts.set(kind, n + 1);
      placeholder = `[${IDENTIFIER_NAMES[kind]} ${letterLabel(n)}]`;
      identifiers.set(key, placeholder);
    }
    return placeholder;
  };

  return {
    labelOf: (userId) => labels.get(userId) ?? 'Someone',
    registrationOf: (userId) => registrations.get(userId) ?? '[registration number]',
    text(value) {
      let out = pattern ? value.replace(pattern, (m) => terms.get(keyOf(m)) ?? label0(m)) : value;
      for (let warnings = detectIdentifiers(out); warnings.length > 0; warnings = detectIdentifiers(out)) {
        let next = '';
        let at = 0;
        for (const w of warnings) {
          next += out.slice(at, w.start) + identifierPlaceholder(w.kind, out.slice(w.start, w.end));
          at = w.end;
        }
        out = next + out.slice(at);
      }
      return out;
    },
  };

  /** A match whose lower case differs from its key (special casing): find its term by comparison. */
  function label0(match: string): string {
    for (const [term, placeholder] of terms) {
      if (term.localeCompare(keyOf(match), undefined, { sensitivity: 'accent' }) === 0) return placeholder;
    }
    return 'Someone';
  }
}

const keyOf = (term: string): string => term.trim().replace(/\s+/gu, ' ').toLowerCase();

function escapeTerm(term: string): string {
  // Any run of spaces in a name matches any run of white space in the text.
  return term
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}
