import { readdirSync, readFileSync } from 'node:fs';

interface SeedItem {
  code: string;
  kind: string;
  parentCode: string | null;
  ordinal: number;
  title: string;
  description: string;
  confirmed: boolean;
  attributes: Record<string, unknown>;
}

interface SeedPathway {
  code: string;
  name: string;
  description: string;
  confirmed: boolean;
}

interface SeedLevel {
  code: string;
  ordinal: number;
  name: string;
  group: string;
  description: string;
  confirmed: boolean;
  pathways: SeedPathway[];
}

interface SeedVersion {
  version: string;
  status: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  notes: string | null;
  items: SeedItem[];
  levels: SeedLevel[];
}

interface SeedFile {
  code: string;
  name: string;
  owner: string;
  description: string;
  versions: SeedVersion[];
}

const load = (name: string): SeedFile =>
  JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as SeedFile;

const FILES: [string, string, string, string[]][] = [
  ['pcf.json', 'PCF', 'BASW', ['SUPER_DOMAIN', 'DOMAIN']],
  [
    'swe-professional-standards.json',
    'SWE_PROFESSIONAL_STANDARDS',
    'Social Work England',
    ['STANDARD', 'SUB_STANDARD'],
  ],
  ['kss-child-and-family.json', 'KSS_CHILD_AND_FAMILY', 'DfE', ['STATEMENT']],
  ['kss-adults.json', 'KSS_ADULTS', 'DHSC', ['STATEMENT']],
];

/** Every JSON file in the folder, so a framework added later gets the shape checks too. */
const ALL_FILES = readdirSync(new URL('./', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .sort();

const ALL_VERSIONS: [string, string, SeedVersion][] = ALL_FILES.flatMap((f) =>
  load(f).versions.map((v): [string, string, SeedVersion] => [f, v.version, v]),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (s: unknown): boolean =>
  typeof s === 'string' && ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const nonEmptyString = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;

const isPlainObject = (o: unknown): boolean => typeof o === 'object' && o !== null && !Array.isArray(o);

const version = (file: string, v: string): SeedVersion => {
  const found = load(file).versions.find((x) => x.version === v);
  if (!found) throw new Error(`${file} has no version ${v}`);
  return found;
};

/** Items in reading order: depth first, siblings by ordinal. */
const walk = (items: SeedItem[], parentCode: string | null = null): SeedItem[] =>
  items
    .filter((i) => i.parentCode === parentCode)
    .sort((a, b) => a.ordinal - b.ordinal)
    .flatMap((i) => [i, ...walk(items, i.code)]);

const PCF_2018_DOMAINS = [
  ['PROFESSIONALISM', 'Professionalism', 'PURPOSE'],
  ['VALUES_AND_ETHICS', 'Values and Ethics', 'PURPOSE'],
  ['DIVERSITY_AND_EQUALITY', 'Diversity and Equality', 'PURPOSE'],
  ['RIGHTS_JUSTICE_ECONOMIC_WELLBEING', 'Rights, Justice and Economic Wellbeing', 'PURPOSE'],
  ['KNOWLEDGE', 'Knowledge', 'PRACTICE'],
  ['CRITICAL_REFLECTION_AND_ANALYSIS', 'Critical Reflection and Analysis', 'PRACTICE'],
  ['SKILLS_AND_INTERVENTIONS', 'Skills and Interventions', 'PRACTICE'],
  ['CONTEXTS_AND_ORGANISATIONS', 'Contexts and Organisations', 'IMPACT'],
  ['PROFESSIONAL_LEADERSHIP', 'Professional Leadership', 'IMPACT'],
] as const;

const PCF_2012_NAMES = [
  'Professionalism',
  'Values and Ethics',
  'Diversity',
  'Rights, Justice and Economic Wellbeing',
  'Knowledge',
  'Critical Reflection and Analysis',
  'Intervention and Skills',
  'Contexts and Organisations',
  'Professional Leadership',
];

const PCF_LEVELS: [number, string, string[]][] = [
  [1, 'ENTRY', []],
  [2, 'READINESS_FOR_DIRECT_PRACTICE', []],
  [3, 'END_FIRST_PLACEMENT', []],
  [4, 'END_LAST_PLACEMENT', []],
  [5, 'ASYE', []],
  [6, 'SOCIAL_WORKER', []],
  [7, 'EXPERIENCED_SOCIAL_WORKER', []],
  [8, 'ADVANCED', ['PRACTITIONER', 'EDUCATOR', 'MANAGER']],
  [9, 'STRATEGIC', ['PSW', 'MANAGER', 'EDUCATOR']],
];

const SWE_SUB_STANDARDS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '1.7',
  '2.1',
  '3.1',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.5',
  '4.6',
  '4.7',
  '4.8',
];

describe('framework seed files', () => {
  describe('file shape', () => {
    it.each(FILES)('should give %s the code %s and owner %s', (file, code, owner) => {
      const f = load(file);
      expect(f.code).toBe(code);
      expect(f.owner).toBe(owner);
      expect(nonEmptyString(f.name)).toBe(true);
      expect(nonEmptyString(f.description)).toBe(true);
      expect(Array.isArray(f.versions)).toBe(true);
      expect(f.versions.length).toBeGreaterThan(0);
    });

    it.each(ALL_FILES)('should give %s unique version labels and at most one CURRENT version', (file) => {
      const versions = load(file).versions;
      expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
      expect(versions.filter((v) => v.status === 'CURRENT').length).toBeLessThanOrEqual(1);
    });

    it.each(ALL_FILES)('should not let the versions of %s overlap in time', (file) => {
      const versions = [...load(file).versions].sort((a, b) =>
        a.effectiveFrom.localeCompare(b.effectiveFrom),
      );
      for (let i = 1; i < versions.length; i++) {
        const previous = versions[i - 1]!;
        expect(previous.effectiveTo).not.toBeNull();
        expect(previous.effectiveTo! < versions[i]!.effectiveFrom).toBe(true);
      }
    });

    it.each(FILES)('should use only the kinds allowed in %s', (file, _code, _owner, kinds) => {
      for (const v of load(file).versions) {
        for (const item of v.items) expect(kinds).toContain(item.kind);
      }
    });
  });

  describe.each(ALL_VERSIONS)('%s version %s', (_file, _label, v) => {
    it('should have a status, ISO dates and effectiveFrom before effectiveTo', () => {
      expect(nonEmptyString(v.version)).toBe(true);
      expect(['CURRENT', 'RETIRED']).toContain(v.status);
      expect(isIsoDate(v.effectiveFrom)).toBe(true);
      if (v.effectiveTo !== null) {
        expect(isIsoDate(v.effectiveTo)).toBe(true);
        expect(v.effectiveFrom < v.effectiveTo).toBe(true);
      }
      expect(v.notes === null || nonEmptyString(v.notes)).toBe(true);
      expect(Array.isArray(v.items)).toBe(true);
      expect(Array.isArray(v.levels)).toBe(true);
    });

    it('should give every item the required keys with the right types', () => {
      for (const item of v.items) {
        expect(nonEmptyString(item.code)).toBe(true);
        expect(item.code.length).toBeLessThanOrEqual(60);
        expect(nonEmptyString(item.kind)).toBe(true);
        expect(item.parentCode === null || typeof item.parentCode === 'string').toBe(true);
        expect(Number.isInteger(item.ordinal)).toBe(true);
        expect(nonEmptyString(item.title)).toBe(true);
        expect(item.title.length).toBeLessThanOrEqual(300);
        expect(nonEmptyString(item.description)).toBe(true);
        expect(typeof item.confirmed).toBe('boolean');
        expect(isPlainObject(item.attributes)).toBe(true);
      }
    });

    it('should have item codes that are unique within the version', () => {
      const codes = v.items.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('should point every parentCode at another item of the same version', () => {
      const codes = new Set(v.items.map((i) => i.code));
      for (const item of v.items) {
        if (item.parentCode === null) continue;
        expect(item.parentCode).not.toBe(item.code);
        expect(codes.has(item.parentCode)).toBe(true);
      }
      // Every item is reachable from the roots, so parents form no cycle.
      expect(walk(v.items)).toHaveLength(v.items.length);
    });

    it('should number siblings 1..n without gaps under each parent', () => {
      const byParent = new Map<string | null, number[]>();
      for (const item of v.items)
        byParent.set(item.parentCode, [...(byParent.get(item.parentCode) ?? []), item.ordinal]);
      for (const ordinals of byParent.values()) {
        expect([...ordinals].sort((a, b) => a - b)).toEqual(ordinals.map((_, i) => i + 1));
      }
    });

    it('should flag as unconfirmed every item whose title is marked U or P', () => {
      for (const item of v.items) {
        if (item.attributes['titleConfidence'] === 'U' || item.attributes['titleConfidence'] === 'P') {
          expect(item.confirmed).toBe(false);
        }
      }
    });

    it('should give levels unique codes, ordinals 1..n and well-formed pathways', () => {
      expect(new Set(v.levels.map((l) => l.code)).size).toBe(v.levels.length);
      expect(v.levels.map((l) => l.ordinal).sort((a, b) => a - b)).toEqual(v.levels.map((_, i) => i + 1));
      for (const level of v.levels) {
        expect(nonEmptyString(level.code)).toBe(true);
        expect(nonEmptyString(level.name)).toBe(true);
        expect(nonEmptyString(level.group)).toBe(true);
        expect(nonEmptyString(level.description)).toBe(true);
        expect(typeof level.confirmed).toBe('boolean');
        expect(Array.isArray(level.pathways)).toBe(true);
        expect(new Set(level.pathways.map((p) => p.code)).size).toBe(level.pathways.length);
        for (const pathway of level.pathways) {
          expect(nonEmptyString(pathway.code)).toBe(true);
          expect(nonEmptyString(pathway.name)).toBe(true);
          expect(nonEmptyString(pathway.description)).toBe(true);
          expect(typeof pathway.confirmed).toBe('boolean');
        }
      }
    });
  });

  describe('PCF', () => {
    it.each([
      ['2018', 'CURRENT', '2018-06-01', null],
      ['2012', 'RETIRED', '2012-09-01', '2018-05-31'],
    ])('should date version %s as %s from %s to %s', (label, status, from, to) => {
      const v = version('pcf.json', label);
      expect([v.status, v.effectiveFrom, v.effectiveTo]).toEqual([status, from, to]);
    });

    it('should note that the 2012 start date is approximate', () => {
      expect(version('pcf.json', '2012').notes).toMatch(/approximate/i);
    });

    it('should have the three super-domains in 2018 only', () => {
      const supers = (label: string) =>
        walk(version('pcf.json', label).items)
          .filter((i) => i.kind === 'SUPER_DOMAIN')
          .map((i) => [i.code, i.parentCode]);
      expect(supers('2018')).toEqual([
        ['PURPOSE', null],
        ['PRACTICE', null],
        ['IMPACT', null],
      ]);
      expect(supers('2012')).toEqual([]);
    });

    it('should have exactly the nine 2018 domains, in order, under their super-domains', () => {
      const domains = walk(version('pcf.json', '2018').items).filter((i) => i.kind === 'DOMAIN');
      expect(domains.map((d) => [d.code, d.title, d.parentCode])).toEqual(PCF_2018_DOMAINS);
    });

    it('should have the nine domains top-level in 2012 with the 2012 names and the same codes', () => {
      const domains = walk(version('pcf.json', '2012').items);
      expect(domains.every((d) => d.kind === 'DOMAIN' && d.parentCode === null)).toBe(true);
      expect(domains.map((d) => d.title)).toEqual(PCF_2012_NAMES);
      expect(domains.map((d) => d.code)).toEqual(PCF_2018_DOMAINS.map(([code]) => code));
    });

    it.each([
      ['DIVERSITY_AND_EQUALITY', 'Diversity'],
      ['SKILLS_AND_INTERVENTIONS', 'Intervention and Skills'],
    ])('should record the 2012 name of %s as %s', (code, name2012) => {
      const item = version('pcf.json', '2018').items.find((i) => i.code === code);
      expect(item?.attributes['name2012']).toBe(name2012);
    });

    it('should flag the partly confirmed 2018 rename to Diversity and Equality', () => {
      const unconfirmed = version('pcf.json', '2018')
        .items.filter((i) => !i.confirmed)
        .map((i) => i.title);
      expect(unconfirmed).toEqual(['Diversity and Equality']);
    });

    it.each(['2018', '2012'])(
      'should have the nine levels, ordinals 1..9, with their pathways in %s',
      (label) => {
        const levels = [...version('pcf.json', label).levels].sort((a, b) => a.ordinal - b.ordinal);
        expect(levels.map((l) => [l.ordinal, l.code, l.pathways.map((p) => p.code)])).toEqual(PCF_LEVELS);
      },
    );

    it('should flag the 2018 pathway labels as unconfirmed', () => {
      const pathways = version('pcf.json', '2018').levels.flatMap((l) => l.pathways);
      expect(pathways).toHaveLength(6);
      expect(pathways.every((p) => !p.confirmed)).toBe(true);
    });
  });

  describe('SWE professional standards', () => {
    const v = version('swe-professional-standards.json', '2019');

    it('should be the 2019 version, current from 2 December 2019', () => {
      expect([v.status, v.effectiveFrom, v.effectiveTo]).toEqual(['CURRENT', '2019-12-02', null]);
      expect(v.levels).toEqual([]);
    });

    it('should have the six standards, codes 1..6, top-level', () => {
      const standards = walk(v.items).filter((i) => i.kind === 'STANDARD');
      expect(standards.map((s) => [s.code, s.parentCode, s.ordinal])).toEqual(
        ['1', '2', '3', '4', '5', '6'].map((c, i) => [c, null, i + 1]),
      );
    });

    it('should have exactly the confirmed sub-standards, each under its own standard', () => {
      const subs = walk(v.items).filter((i) => i.kind === 'SUB_STANDARD');
      expect(subs.map((s) => s.code)).toEqual(SWE_SUB_STANDARDS);
      for (const s of subs) expect(s.parentCode).toBe(s.code.split('.')[0]);
    });

    it.each([
      ['4.1', 'Feedback'],
      ['4.2', 'Supervision'],
      ['4.3', 'Research, theories and frameworks'],
      ['4.4', 'Subject knowledge and awareness of current issues'],
      ['4.5', 'Open and creative learning culture'],
      ['4.6', 'Reflection'],
      ['4.7', 'Recording your learning'],
      ['4.8', 'Values and ethics'],
    ])('should title sub-standard %s with the SWE short label %s', (code, title) => {
      expect(v.items.find((i) => i.code === code)?.title).toBe(title);
    });
  });

  describe.each([
    ['kss-child-and-family.json', '2018', 10, ['1', '9'], '2018-01-01', '2027-03-31'],
    ['kss-adults.json', '2015', 11, ['3', '7', '11'], '2015-03-01', null],
  ])('%s version %s', (file, label, count, confirmedCodes, from, to) => {
    const v = version(file, label);

    it(`should have ${count} top-level statements, codes 1..${count}`, () => {
      const statements = walk(v.items);
      expect(statements.every((s) => s.kind === 'STATEMENT' && s.parentCode === null)).toBe(true);
      expect(statements.map((s) => s.code)).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));
    });

    it(`should be effective from ${from} to ${to}, with the approximate start date noted`, () => {
      expect([v.status, v.effectiveFrom, v.effectiveTo]).toEqual(['CURRENT', from, to]);
      expect(v.notes).toMatch(/approximate/i);
      expect(v.levels).toEqual([]);
    });

    it(`should confirm only statements ${confirmedCodes.join(', ')}`, () => {
      expect(v.items.filter((i) => i.confirmed).map((i) => i.code)).toEqual(confirmedCodes);
      for (const item of v.items.filter((i) => !i.confirmed))
        expect(item.attributes['titleConfidence']).toBe('U');
    });
  });

  it.each([
    ['kss-child-and-family.json', '2018', '1', 'Relationships and effective direct work'],
    ['kss-adults.json', '2015', '3', 'Safeguarding'],
    ['kss-adults.json', '2015', '7', 'Supervision, critical analysis and reflection'],
    ['kss-adults.json', '2015', '11', 'Level of capability at end of first year'],
  ])('should title %s@%s statement %s "%s"', (file, label, code, title) => {
    expect(version(file, label).items.find((i) => i.code === code)?.title).toBe(title);
  });
});
