import fc from 'fast-check';
import { detectIdentifiers } from '../portfolio/detect-identifiers.js';
import { createPackAnonymiser } from './create-pack-anonymiser.js';
import type { PackPeople } from './moderation.types.js';

const PEOPLE: PackPeople = {
  practitioners: [
    { userId: 'p1', name: 'Siân Llewellyn-Jones', registrationNumber: 'SW104421' },
    { userId: 'p2', name: 'Tomasz Wiśniewski', registrationNumber: 'SW104422' },
  ],
  assessors: [{ userId: 'a1', name: 'Grace Okafor', registrationNumber: 'SW900001' }],
  others: [
    { userId: 'a1', name: 'Grace Okafor', registrationNumber: 'SW900001' },
    { userId: 'm1', name: 'Dev Patel', registrationNumber: null },
  ],
};

describe('createPackAnonymiser', () => {
  const sut = createPackAnonymiser(PEOPLE);

  it('should label people by the first list they are in', () => {
    expect(['p1', 'p2', 'a1', 'm1', 'x'].map((id) => sut.labelOf(id))).toEqual([
      'Practitioner A',
      'Practitioner B',
      'Assessor 1',
      'Colleague 1',
      'Someone',
    ]);
    expect(sut.registrationOf('p2')).toBe('[registration of Practitioner B]');
  });

  it.each([
    ['Siân Llewellyn-Jones met Grace Okafor.', 'Practitioner A met Assessor 1.'],
    [
      'SIÂN said Llewellyn-Jones; okafor agreed with Dev.',
      'Practitioner A said Practitioner A; Assessor 1 agreed with Colleague 1.',
    ],
    [
      'Registered as sw104422, checked against SW900001.',
      'Registered as [registration of Practitioner B], checked against [registration of Assessor 1].',
    ],
    ['Tomasz\nWiśniewski visited', 'Practitioner B visited'],
    // A part inside another word is not a name.
    ['Devonshire Patelier Gracefully', 'Devonshire Patelier Gracefully'],
  ])('should replace names and registrations in %j', (text, expected) => {
    expect(sut.text(text)).toBe(expected);
  });

  it('should give each distinct identifier one placeholder across the pack, however it is spelt', () => {
    const first = sut.text('Visited at SW1A 1AA; call 020 7946 0018 or mail j.doe@example.org.');
    const second = sut.text(
      'Back to sw1a1aa, NHS number 943 476 5919, born 12/03/2015; J.Doe@Example.org again.',
    );
    expect(first).toBe('Visited at [postcode A]; call [phone number A] or mail [email address A].');
    expect(second).toBe(
      'Back to [postcode A], NHS number [NHS number A], born [date of birth A]; [email address A] again.',
    );
    expect(sut.text('Another: M1 1AE.')).toBe('Another: [postcode B].');
  });

  describe('properties', () => {
    const LETTERS = 'bcdfghjklmnpqrstvwxzàéîõüłŵ';
    const word = fc
      .array(fc.constantFrom(...LETTERS), { minLength: 3, maxLength: 9 })
      .map((cs) => cs[0]!.toUpperCase() + cs.slice(1).join(''));
    const person = (id: string) =>
      fc.record({
        userId: fc.constant(id),
        name: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
        registrationNumber: fc.option(
          fc.integer({ min: 100000, max: 999999 }).map((n) => `SW${n}`),
          { nil: null },
        ),
      });
    const peopleArb = fc.record({
      practitioners: fc.tuple(person('p1'), person('p2'), person('p3')),
      assessors: fc.tuple(person('a1'), person('a2')),
      others: fc.tuple(person('o1')),
    });
    const IDENTIFIERS = [
      'SW1A 1AA',
      'sw1a1aa',
      'M1 1AE',
      '943 476 5919',
      '9434765919',
      '020 7946 0018',
      '+44 7700 900123',
      'j.doe@example.org',
      'born 12/03/2015',
      'DOB: 1 March 2014',
    ];
    /** Free text mixing filler, people's names (in any case), registrations and identifiers. */
    const textArb = (people: PackPeople) => {
      const all = [...people.practitioners, ...people.assessors, ...people.others];
      const pieces = [
        fc.constantFrom(
          'the visit',
          'reflection',
          '—',
          'and',
          'plan',
          '(',
          ')',
          '.',
          ',',
          'a',
          'of 12 cases',
        ),
        fc.constantFrom(...all.map((p) => p.name)),
        fc.constantFrom(...all.map((p) => p.name.toUpperCase())),
        fc.constantFrom(...all.flatMap((p) => p.name.split(' '))),
        fc.constantFrom(...all.flatMap((p) => (p.registrationNumber ? [p.registrationNumber] : ['none']))),
        fc.constantFrom(...IDENTIFIERS),
      ];
      return fc
        .array(fc.tuple(fc.oneof(...pieces), fc.constantFrom(' ', ' ', '\n', ', ', '; ')), { maxLength: 30 })
        .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
    };
    const wholeWord = (needle: string) =>
      new RegExp(
        `(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
        'iu',
      );

    it('should leave no name, name part, registration number or detected identifier in the text', () => {
      fc.assert(
        fc.property(
          peopleArb.chain((people) =>
            fc.tuple(fc.constant(people), fc.array(textArb(people), { minLength: 1, maxLength: 3 })),
          ),
          ([people, texts]) => {
            const sut = createPackAnonymiser(people);
            const all = [...people.practitioners, ...people.assessors, ...people.others];
            for (const text of texts) {
              const out = sut.text(text);
              for (const p of all) {
                for (const part of [p.name, ...p.name.split(' ')]) expect(out).not.toMatch(wholeWord(part));
                if (p.registrationNumber) expect(out.toUpperCase()).not.toContain(p.registrationNumber);
              }
              expect(detectIdentifiers(out)).toEqual([]);
              for (const id of IDENTIFIERS) {
                if (!id.startsWith('born') && !id.startsWith('DOB'))
                  expect(out.toLowerCase()).not.toContain(id.toLowerCase());
              }
            }
          },
        ),
        { numRuns: 100 },
      );
    });

    it('should map the same value to the same placeholder, and different values to different ones', () => {
      fc.assert(
        fc.property(
          peopleArb,
          fc.shuffledSubarray(IDENTIFIERS.slice(0, 8), { minLength: 1 }),
          (people, ids) => {
            const sut = createPackAnonymiser(people);
            const once = ids.map((id) => sut.text(id));
            // Again, in reverse and in another sentence: each comes out as before.
            const again = [...ids].reverse().map((id) => sut.text(`Seen: ${id}.`));
            expect(again).toEqual([...once].reverse().map((p) => `Seen: ${p}.`));
            // Spellings of one value share a placeholder; distinct values do not.
            const byValue = new Map<string, Set<string>>();
            const canonical = (id: string) =>
              id
                .toUpperCase()
                .replace(/[^0-9A-Z@.]/g, '')
                .replace(/^44/, '0');
            ids.forEach((id, i) =>
              byValue.set(canonical(id), (byValue.get(canonical(id)) ?? new Set()).add(once[i]!)),
            );
            for (const placeholders of byValue.values()) expect(placeholders.size).toBe(1);
            expect(new Set(once).size).toBe(byValue.size);
            // The label of a person is the same wherever their name appears.
            const p = people.practitioners[1]!;
            expect(sut.text(p.name)).toBe(sut.labelOf(p.userId));
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
