import fc from 'fast-check';
import { detectIdentifiers as sut } from './detect-identifiers.js';
import { IDENTIFIER_KINDS, type IdentifierKind, type IdentifierWarning } from './portfolio.types.js';

/** Finds `marked` (the identifier) inside `text` and returns the one warning expected for it. */
function expected(kind: IdentifierKind, text: string, marked: string): IdentifierWarning {
  const start = text.indexOf(marked);
  if (start === -1) throw new Error(`test table error: "${marked}" is not in "${text}"`);
  return { kind, start, end: start + marked.length };
}

describe('detectIdentifiers', () => {
  it.each<[IdentifierKind, string, string]>([
    // NHS numbers: valid check digit, bare or grouped 3-3-4
    ['NHS_NUMBER', 'NHS number 9434765919 on file', '9434765919'],
    ['NHS_NUMBER', 'NHS no. 943 476 5919', '943 476 5919'],
    ['NHS_NUMBER', 'nhs:943-476-5919.', '943-476-5919'],
    ['NHS_NUMBER', '(4010232137)', '4010232137'],
    // postcodes: every outward shape, any case, with or without the space
    ['POSTCODE', 'lives near M1 1AE now', 'M1 1AE'],
    ['POSTCODE', 'moved to B33 8TH', 'B33 8TH'],
    ['POSTCODE', 'address CR2 6XH', 'CR2 6XH'],
    ['POSTCODE', 'postcode DN55 1PT', 'DN55 1PT'],
    ['POSTCODE', 'at W1A 0AX', 'W1A 0AX'],
    ['POSTCODE', 'at EC1A 1BB', 'EC1A 1BB'],
    ['POSTCODE', 'at sw1a 1aa', 'sw1a 1aa'],
    ['POSTCODE', 'at SW1A1AA', 'SW1A1AA'],
    ['POSTCODE', 'Flat 2, 12 Acacia Avenue, LS6 2AB.', 'LS6 2AB'],
    ['POSTCODE', 'c/o GIR 0AA', 'GIR 0AA'],
    // phone numbers: mobile and landline, +44 / 0044 / 0, common spacing
    ['PHONE_NUMBER', 'mum on 07700 900123', '07700 900123'],
    ['PHONE_NUMBER', 'mum on 07700900123', '07700900123'],
    ['PHONE_NUMBER', 'call +44 7700 900123 later', '+44 7700 900123'],
    ['PHONE_NUMBER', 'call +447700900123', '+447700900123'],
    ['PHONE_NUMBER', 'call +44 (0)7700 900123', '+44 (0)7700 900123'],
    ['PHONE_NUMBER', 'call 0044 20 7946 0958', '0044 20 7946 0958'],
    ['PHONE_NUMBER', 'school 020 7946 0958', '020 7946 0958'],
    ['PHONE_NUMBER', 'school 0161 496 0000', '0161 496 0000'],
    ['PHONE_NUMBER', 'school (0161) 496 0000', '(0161) 496 0000'],
    ['PHONE_NUMBER', 'GP 01632 960000', '01632 960000'],
    ['PHONE_NUMBER', 'GP 0113-496-0000', '0113-496-0000'],
    // email addresses
    ['EMAIL', 'wrote to jane.doe@example.org.uk today', 'jane.doe@example.org.uk'],
    ['EMAIL', '<j_smith+care@nhs.net>', 'j_smith+care@nhs.net'],
    // dates of birth: a date near a keyword, before or after it
    ['DATE_OF_BIRTH', 'DOB: 12/03/2015', '12/03/2015'],
    ['DATE_OF_BIRTH', 'D.O.B 12.03.15', '12.03.15'],
    ['DATE_OF_BIRTH', 'd.o.b. 3-4-2016', '3-4-2016'],
    ['DATE_OF_BIRTH', 'Date of birth: 2015-03-12', '2015-03-12'],
    ['DATE_OF_BIRTH', 'date of birth 3rd March 2015', '3rd March 2015'],
    ['DATE_OF_BIRTH', 'She was born on 12 March 2015 in Leeds', '12 March 2015'],
    ['DATE_OF_BIRTH', 'born 12th of Mar. 2015', '12th of Mar. 2015'],
    ['DATE_OF_BIRTH', 'born March 12, 2015', 'March 12, 2015'],
    ['DATE_OF_BIRTH', 'Birth date 01 01 2001', '01 01 2001'],
    ['DATE_OF_BIRTH', 'Child A (12/03/2015 DOB)', '12/03/2015'],
    ['DATE_OF_BIRTH', 'born 12-Mar-15', '12-Mar-15'],
    ['DATE_OF_BIRTH', 'DOB (age 7): 12/03/2015', '12/03/2015'],
    ['DATE_OF_BIRTH', 'Born in Leeds. Her DOB is 12/03/2015', '12/03/2015'],
    ['DATE_OF_BIRTH', 'DOB 1/2/10 then 3/4/12', '1/2/10'],
  ])('should flag a %s in %j', (kind, text, marked) => {
    expect(sut(text)).toEqual([expected(kind, text, marked)]);
  });

  it.each([
    ['an NHS-shaped number with a bad check digit', 'NHS number 943 476 5918'],
    ['a ten-digit case reference that fails the check', 'Case ref 2024000123 closed'],
    ['another ten-digit reference that fails the check', 'LAS ref 1234567890'],
    ['a plain year', 'In 2019 she attended training'],
    ['a year of birth alone', 'born in 1985'],
    ['a price', 'The course cost £1,234.56 (or £950)'],
    ['a price whose digits pass the NHS check', 'budget £9434765919.00'],
    ['a date with no birth keyword', 'Visited on 12/03/2015 with the team'],
    [
      'a birth keyword far from the date',
      'She was born in a large family and has lived locally since 12/03/2015',
    ],
    ['a birth keyword in another sentence', 'DOB unknown. Visit 12/03/2015'],
    ['an impossible date near a keyword', 'DOB 32/13/2015'],
    ['too few digits for a phone', 'ring 07700 900'],
    ['a version number', 'release 2.0.1 of the form'],
    ['an ordinal that looks like an inward code', 'by Y1 2nd term'],
    ['an email without a domain suffix', 'admin@localhost'],
    ['a social media handle', 'follow @pathways'],
    ['a time and a room', 'Room 101 at 10:30'],
    ['words containing dob or born', 'Mrs Dobson is stubborn'],
    ['a long number that merely contains a valid NHS number', 'account 194347659190'],
  ])('should not flag %s', (_label, text) => {
    expect(sut(text)).toEqual([]);
  });

  it('should return several identifiers sorted by where they start', () => {
    const text =
      'Child B, born 01/02/2013, NHS 943 476 5919, lives at LS6 2AB; mum 07700 900123 / mum@example.com';
    expect(sut(text)).toEqual([
      expected('DATE_OF_BIRTH', text, '01/02/2013'),
      expected('NHS_NUMBER', text, '943 476 5919'),
      expected('POSTCODE', text, 'LS6 2AB'),
      expected('PHONE_NUMBER', text, '07700 900123'),
      expected('EMAIL', text, 'mum@example.com'),
    ]);
  });

  it.each<[string, string, IdentifierKind, string]>([
    [
      'an NHS number used as an email user name',
      'write to 9434765919@nhs.net',
      'EMAIL',
      '9434765919@nhs.net',
    ],
    ['a postcode used as an email user name', 'write to sw1a1aa@example.com', 'EMAIL', 'sw1a1aa@example.com'],
    [
      'a ten-digit number that is both a phone and an NHS number',
      'ref 0000000000',
      'NHS_NUMBER',
      '0000000000',
    ],
  ])('should report %s once, as the wider or stronger match', (_label, text, kind, marked) => {
    expect(sut(text)).toEqual([expected(kind, text, marked)]);
  });

  it('should never copy the matched text into a warning', () => {
    for (const warning of sut('NHS 943 476 5919, DOB 12/03/2015, a@b.com, LS6 2AB, 07700 900123')) {
      expect(Object.keys(warning).sort()).toEqual(['end', 'kind', 'start']);
    }
  });

  describe('properties', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
      minLength: 1,
      maxLength: 10,
    });
    const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 });
    const separator = fc.constantFrom('', ' ', '-');
    const format = (digits: readonly number[], sep: string) => {
      const s = digits.join('');
      return `${s.slice(0, 3)}${sep}${s.slice(3, 6)}${sep}${s.slice(6)}`;
    };
    /** Check digit by the NHS modulus-11 rule, written independently of the code under test. */
    const checkDigit = (nine: readonly number[]): number | null => {
      const remainder = nine.reduce((sum, digit, i) => sum + digit * (10 - i), 0) % 11;
      const check = remainder === 0 ? 0 : 11 - remainder;
      return check === 10 ? null : check;
    };
    const validNhsNumber = fc
      .tuple(nineDigits, separator)
      .filter(([nine]) => checkDigit(nine) !== null)
      .map(([nine, sep]) => format([...nine, checkDigit(nine)!], sep));
    const invalidNhsNumber = fc
      .tuple(nineDigits, fc.integer({ min: 0, max: 9 }), separator)
      .filter(([nine, last]) => checkDigit(nine) !== last)
      .map(([nine, last, sep]) => format([...nine, last], sep));

    /** Words and numbers joined by spaces; returns the text and where each number was put. */
    const embed = (numbers: readonly string[], words: readonly string[][]) => {
      let text = '';
      const placed: { start: number; end: number }[] = [];
      numbers.forEach((number, i) => {
        text += `${(words[i] ?? []).join(' ')} `;
        placed.push({ start: text.length, end: text.length + number.length });
        text += `${number} `;
      });
      return { text: text + (words[numbers.length] ?? []).join(' '), placed };
    };
    const wordsBetween = (n: number) =>
      fc.array(fc.array(word, { maxLength: 4 }), { minLength: n + 1, maxLength: n + 1 });

    it('should find every valid NHS number among words, with offsets that slice back to its digits', () => {
      fc.assert(
        fc.property(
          fc
            .array(validNhsNumber, { minLength: 1, maxLength: 4 })
            .chain((numbers) => fc.tuple(fc.constant(numbers), wordsBetween(numbers.length))),
          ([numbers, words]) => {
            const { text, placed } = embed(numbers, words);
            const found = sut(text).filter((w) => w.kind === 'NHS_NUMBER');
            expect(found.map(({ start, end }) => ({ start, end }))).toEqual(placed);
            expect(found.map((w) => text.slice(w.start, w.end))).toEqual(numbers);
          },
        ),
      );
    });

    it('should never report a number with a wrong check digit as an NHS number', () => {
      fc.assert(
        fc.property(
          fc
            .array(invalidNhsNumber, { minLength: 1, maxLength: 4 })
            .chain((numbers) => fc.tuple(fc.constant(numbers), wordsBetween(numbers.length))),
          ([numbers, words]) => {
            const { text } = embed(numbers, words);
            expect(sut(text).filter((w) => w.kind === 'NHS_NUMBER')).toEqual([]);
          },
        ),
      );
    });

    it('should return in-bounds, sorted, non-overlapping warnings for any text', () => {
      const fragment = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.constantFrom(
          'DOB ',
          'born ',
          '943 476 5919',
          '9434765919',
          'SW1A 1AA',
          'sw1a1aa',
          '07700 900123',
          '+44 ',
          '(0)',
          '0',
          'a@b.com',
          '@',
          '12/03/2015',
          '12 March 2015',
          ' ',
          '-',
          '.',
          '\n',
        ),
      );
      fc.assert(
        fc.property(fc.array(fragment, { maxLength: 12 }), (fragments) => {
          const text = fragments.join('');
          const warnings = sut(text);
          let previousEnd = 0;
          for (const w of warnings) {
            expect(IDENTIFIER_KINDS).toContain(w.kind);
            expect(w.start).toBeGreaterThanOrEqual(previousEnd);
            expect(w.end).toBeGreaterThan(w.start);
            expect(w.end).toBeLessThanOrEqual(text.length);
            previousEnd = w.end;
          }
        }),
      );
    });
  });
});
