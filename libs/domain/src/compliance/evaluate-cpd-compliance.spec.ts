import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { addDays } from '../calendar/add-days.js';
import type { CpdComplianceFacts, CpdPieceFacts, CpdRuleSet } from './compliance.types.js';
import { cpdPiece, sweFacts } from './cpd.test-fixtures.js';
import { CPD_RULE_SETS } from './cpd-rule-sets.js';
import { endOfLondonDay } from './end-of-london-day.js';
import { evaluateCpdCompliance as sut } from './evaluate-cpd-compliance.js';

/** Mid-October 2025, in the SWE registration year 2024-12-01..2025-11-30. */
const AS_OF = new Date('2025-10-15T12:00:00Z');

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

function requirement(facts: CpdComplianceFacts, code: string, asOf = AS_OF) {
  return sut(facts, asOf).requirements.find((r) => r.code === code);
}

describe('evaluateCpdCompliance', () => {
  describe('Social Work England from 2022-23: two different pieces, one with a peer reflection', () => {
    it.each<[string, CpdPieceFacts[], boolean]>([
      [
        'two different pieces, one with a peer reflection',
        [cpdPiece({ hasPeerReflection: true }), cpdPiece()],
        true,
      ],
      [
        'three pieces, two with peer reflections',
        [cpdPiece({ hasPeerReflection: true }), cpdPiece(), cpdPiece({ hasPeerReflection: true })],
        true,
      ],
      [
        'drafts not sent to the employer: sign-off status is ignored',
        [cpdPiece({ status: 'DRAFT', hasPeerReflection: true }), cpdPiece({ status: 'DRAFT' })],
        true,
      ],
      [
        'pieces sent back for changes',
        [
          cpdPiece({ status: 'CHANGES_REQUESTED', hasPeerReflection: true }),
          cpdPiece({ status: 'APPROVED' }),
        ],
        true,
      ],
      ['two pieces, no peer reflection', [cpdPiece(), cpdPiece()], false],
      ['one piece with a peer reflection', [cpdPiece({ hasPeerReflection: true })], false],
      ['no pieces', [], false],
      [
        'two identical pieces (after normalising)',
        [cpdPiece({ title: 'Same', hasPeerReflection: true }), cpdPiece({ title: ' SAME.' })],
        false,
      ],
      [
        'two pieces, one without an impact statement',
        [cpdPiece({ hasPeerReflection: true }), cpdPiece({ impact: '  ' })],
        false,
      ],
      [
        'the peer reflection only on an incomplete piece',
        [cpdPiece(), cpdPiece(), cpdPiece({ learning: '', hasPeerReflection: true })],
        false,
      ],
    ])('should judge %s', (_label, pieces, met) => {
      const result = sut(sweFacts({ pieces }), AS_OF);
      expect(result).toMatchObject({ ruleSetId: 'SWE_2022_TWO_PIECES_PEER', met, exempt: false });
      expect(result.period).toMatchObject({
        start: '2024-12-01',
        end: '2025-11-30',
        deadlineOn: '2025-11-30',
      });
      expect(result.requirements.map((r) => r.code)).toEqual([
        'DISTINCT_PIECES',
        'PIECES_WITH_PEER_REFLECTION',
      ]);
    });

    it('should say what is missing in plain English', () => {
      const result = sut(sweFacts({ pieces: [cpdPiece()] }), AS_OF);
      expect(result.requirements).toEqual([
        {
          code: 'DISTINCT_PIECES',
          met: false,
          progress: { current: 1, required: 2, unit: 'PIECES' },
          missing: 'Record 1 more piece of CPD dated between 1 December 2024 and 30 November 2025.',
        },
        {
          code: 'PIECES_WITH_PEER_REFLECTION',
          met: false,
          progress: { current: 0, required: 1, unit: 'PIECES' },
          missing: expect.stringMatching(
            /^Add a peer reflection .* to 1 more piece of CPD dated between 1 December 2024/,
          ),
        },
      ]);
    });

    it('should explain why identical and incomplete pieces do not count', () => {
      const pieces = [
        cpdPiece({ title: 'Same' }),
        cpdPiece({ title: 'same' }),
        cpdPiece({ description: '' }),
      ];
      expect(requirement(sweFacts({ pieces }), 'DISTINCT_PIECES')?.missing).toBe(
        'Record 1 more piece of CPD dated between 1 December 2024 and 30 November 2025. Identical pieces count ' +
          'once. 1 piece dated in this period needs a title, description, learning and impact before counting.',
      );
    });

    it.each([
      ['2024-11-30', false, 'the day before the year starts'],
      ['2024-12-01', true, 'the first day of the year'],
      ['2025-11-30', true, 'the last day of the year'],
      ['2025-12-01', false, 'the first day of the next year'],
    ])('should count a piece dated %s: %s (%s)', (date, counts, _label) => {
      const pieces = [cpdPiece({ hasPeerReflection: true }), cpdPiece({ date })];
      const result = sut(sweFacts({ pieces }), AS_OF, CPD_RULE_SETS, { periodContaining: '2025-11-30' });
      expect(result.requirements[0]!.progress.current).toBe(counts ? 2 : 1);
    });

    it('should count a piece dated 1 December in the next year', () => {
      const pieces = [cpdPiece({ date: '2025-12-01', hasPeerReflection: true })];
      const next = sut(sweFacts({ pieces }), new Date('2025-12-01T00:00:00Z'));
      expect(next.period.start).toBe('2025-12-01');
      expect(next.requirements.map((r) => r.progress.current)).toEqual([1, 1]);
    });

    it('should open the renewal window on 1 September', () => {
      expect(sut(sweFacts(), AS_OF).renewalWindowOpensOn).toBe('2025-09-01');
    });
  });

  describe('the SWE deadline, 23:59 UK time on 30 November', () => {
    it.each([
      ['2025-11-29T23:59:59.999Z', false, 1, 'the evening before'],
      ['2025-11-30T00:00:00.000Z', false, 0, 'the start of the last day'],
      ['2025-11-30T23:59:00.000Z', false, 0, '23:59 on the last day'],
      ['2025-11-30T23:59:59.999Z', false, 0, 'the last millisecond of 23:59'],
      ['2025-12-01T00:00:00.000Z', true, -1, '00:00 on 1 December'],
      ['2025-12-25T12:00:00.000Z', true, -25, 'Christmas Day'],
    ])('should, at %s, say passed %s with %d days left (%s)', (iso, deadlinePassed, daysLeft, _label) => {
      const result = sut(sweFacts(), new Date(iso), CPD_RULE_SETS, { periodContaining: '2025-11-30' });
      expect(result.period.deadline.toISOString()).toBe('2025-11-30T23:59:59.999Z');
      expect(result).toMatchObject({ deadlinePassed, daysLeft, atRisk: !deadlinePassed });
    });

    it.each([
      ['2025-11-30T23:59:59.999Z', '2024-12-01', 0],
      ['2025-12-01T00:00:00.000Z', '2025-12-01', 364],
    ])(
      'should, at %s with no period given, judge the year starting %s (%d days left)',
      (iso, start, daysLeft) => {
        const result = sut(sweFacts(), new Date(iso));
        expect(result.period.start).toBe(start);
        expect(result.daysLeft).toBe(daysLeft);
      },
    );

    it('should decrease daysLeft by one for each UK day, across the clock changes', () => {
      const day = fc.integer({ min: 0, max: 363 }).map((n) => addDays('2024-12-01', n));
      const msIntoDay = fc.integer({ min: 0, max: 23 * 3_600_000 - 1 });
      const at = (date: string, ms: number) => new Date(endOfLondonDay(addDays(date, -1)).getTime() + 1 + ms);
      fc.assert(
        fc.property(day, msIntoDay, msIntoDay, (date, a, b) => {
          const options = { periodContaining: '2025-06-01' };
          const today = sut(sweFacts(), at(date, a), CPD_RULE_SETS, options).daysLeft;
          const tomorrow = sut(sweFacts(), at(addDays(date, 1), b), CPD_RULE_SETS, options).daysLeft;
          expect(tomorrow).toBe(today - 1);
        }),
      );
    });
  });

  describe('SWE joiners: joined or restored on or after 1 September owe no CPD that year', () => {
    it.each<[string | null, boolean]>([
      ['2025-08-31', false],
      ['2025-09-01', true],
      ['2025-11-30', true],
      ['2025-12-01', true],
      ['2024-12-01', false],
      ['2024-09-01', false],
      [null, false],
    ])('should treat someone registered from %s as exempt: %s', (registeredFrom, exempt) => {
      const result = sut(sweFacts({ registeredFrom }), AS_OF, CPD_RULE_SETS, {
        periodContaining: '2025-11-30',
      });
      expect(result).toMatchObject({ exempt, met: exempt, atRisk: !exempt });
      expect(result.requirements).toHaveLength(exempt ? 0 : 2);
    });

    it('should expect CPD from a 1 September joiner in their first full year', () => {
      const result = sut(sweFacts({ registeredFrom: '2025-09-01' }), new Date('2026-01-10T12:00:00Z'));
      expect(result).toMatchObject({ exempt: false, met: false });
    });
  });

  describe('Social Work England in 2020-21 and 2021-22: one piece', () => {
    it.each([
      ['2022-11-30', 'SWE_2020_ONE_PIECE', true],
      ['2022-12-01', 'SWE_2022_TWO_PIECES_PEER', false],
      ['2020-12-01', 'SWE_2020_ONE_PIECE', true],
    ])('should judge the year containing %s by %s (one piece met: %s)', (day, ruleSetId, met) => {
      const pieces = [cpdPiece({ date: day })];
      const result = sut(sweFacts({ pieces }), new Date('2023-06-01T12:00:00Z'), CPD_RULE_SETS, {
        periodContaining: day,
      });
      expect(result).toMatchObject({ ruleSetId, met });
    });

    it('should refuse a year before Social Work England rules are known with NO_RULE_SET', () => {
      expect(codeOf(() => sut(sweFacts(), AS_OF, CPD_RULE_SETS, { periodContaining: '2020-11-30' }))).toBe(
        'NO_RULE_SET',
      );
    });
  });

  describe('Social Care Wales: 90 hours until 31 March 2025, a confirmation after', () => {
    const wales = (
      registeredFrom: string,
      pieces: CpdPieceFacts[] = [],
      madeOn: string[] = [],
    ): CpdComplianceFacts => ({
      regulator: 'SOCIAL_CARE_WALES',
      registeredFrom,
      pieces,
      declarations: madeOn.map((d) => ({ madeOn: d })),
    });

    it.each([
      ['2022-04-22', '2025-04-21', '2025-03-31', 'SCW_90_HOURS', 'HOURS'],
      ['2022-04-23', '2025-04-22', '2025-04-01', 'SCW_2025_CONFIRMATION', 'DECLARATION'],
    ])(
      'should judge a period registered from %s (ending %s, deadline %s) by %s',
      (registeredFrom, end, deadlineOn, ruleSetId, code) => {
        const result = sut(wales(registeredFrom), new Date('2025-03-15T12:00:00Z'));
        expect(result).toMatchObject({ ruleSetId, period: { end, deadlineOn } });
        expect(result.requirements.map((r) => r.code)).toEqual([code]);
      },
    );

    it.each(['2025-03-31T22:59:59Z', '2025-04-01T12:00:00Z'])(
      'should judge by the deadline day, not the evaluation day: at %s a period due in May needs only a confirmation',
      (iso) => {
        expect(sut(wales('2022-06-01'), new Date(iso)).ruleSetId).toBe('SCW_2025_CONFIRMATION');
      },
    );

    it.each([
      [[30, 30, 30], true, null],
      [[30.1, 29.9, 30], true, null],
      [[45, 44.5], false, 'Record 0.5 more hours of CPD dated between 22 April 2022 and 21 April 2025.'],
      [[89.99], false, 'Record 0.02 more hours of CPD dated between 22 April 2022 and 21 April 2025.'],
    ])('should count hours %j as met %s', (hours, met, missing) => {
      const pieces = hours.map((h) => cpdPiece({ hours: h, date: '2023-01-01' }));
      const result = sut(wales('2022-04-22', pieces), new Date('2025-03-15T12:00:00Z'));
      expect(result.requirements[0]).toMatchObject({
        met,
        missing,
        progress: { required: 90, unit: 'HOURS' },
      });
    });

    it('should count hours only inside the period, once for identical records', () => {
      const pieces = [
        cpdPiece({ hours: 40, date: '2022-04-21', title: 'Before the period' }),
        cpdPiece({ hours: 40, date: '2022-04-22', title: 'First day' }),
        cpdPiece({ hours: 40, date: '2022-04-22', title: 'FIRST DAY' }),
        cpdPiece({ hours: 20, date: '2025-04-21', title: 'Last day' }),
        cpdPiece({ hours: 20, date: '2025-04-22', title: 'After the period' }),
      ];
      const result = sut(wales('2022-04-22', pieces), new Date('2025-03-15T12:00:00Z'));
      expect(result.requirements[0]!.progress.current).toBe(60);
    });

    it('should open renewal 86 days before the renewal date and set the deadline 21 days before it', () => {
      const result = sut(wales('2022-04-23'), new Date('2025-03-15T12:00:00Z'));
      expect(result).toMatchObject({
        renewalWindowOpensOn: '2025-01-26',
        period: { deadlineOn: '2025-04-01' },
      });
      expect(result.period.deadline.toISOString()).toBe('2025-04-01T22:59:59.999Z');
    });

    it.each<[string[], boolean]>([
      [['2025-01-26'], true],
      [['2025-04-22'], true],
      [['2025-01-25'], false],
      [['2025-04-23'], false],
      [[], false],
    ])('should accept a confirmation made on %j: %s', (madeOn, met) => {
      expect(sut(wales('2022-04-23', [], madeOn), new Date('2025-03-15T12:00:00Z')).met).toBe(met);
    });
  });

  describe('SSSC: an annual declaration, no hours, since 3 June 2024', () => {
    const scot = (registeredFrom: string, madeOn: string[] = []): CpdComplianceFacts => ({
      regulator: 'SSSC',
      registeredFrom,
      pieces: [cpdPiece({ hours: 200 })],
      declarations: madeOn.map((d) => ({ madeOn: d })),
    });

    it('should have no rules for a year ending on 2 June 2024', () => {
      expect(codeOf(() => sut(scot('2023-06-03'), new Date('2024-05-01T12:00:00Z')))).toBe('NO_RULE_SET');
    });

    it.each<[string[], boolean]>([
      [['2024-05-01'], true],
      [['2023-06-04'], true],
      [['2023-06-03'], false],
      [[], false],
    ])('should, for a year ending on 3 June 2024, accept a declaration made on %j: %s', (madeOn, met) => {
      const result = sut(scot('2023-06-04', madeOn), new Date('2024-05-01T12:00:00Z'));
      expect(result).toMatchObject({
        ruleSetId: 'SSSC_2024_ANNUAL_DECLARATION',
        met,
        period: { end: '2024-06-03' },
      });
      expect(result.requirements.map((r) => r.code)).toEqual(['DECLARATION']);
    });
  });

  describe('NISCC: 90 hours over 3 years', () => {
    const ni = (hours: number[]): CpdComplianceFacts => ({
      regulator: 'NISCC',
      registeredFrom: '2022-07-01',
      pieces: hours.map((h) => cpdPiece({ hours: h, date: '2024-02-01' })),
    });

    it.each([
      [[90], true],
      [[60, 30], true],
      [[89.5], false],
      [[60, 29.5], false],
      [[], false],
    ])('should count hours %j as met %s', (hours, met) => {
      const result = sut(ni(hours), new Date('2025-01-15T12:00:00Z'));
      expect(result).toMatchObject({
        ruleSetId: 'NISCC_90_HOURS',
        met,
        period: { start: '2022-07-01', end: '2025-06-30' },
      });
    });

    it.each([
      ['2025-06-30T22:59:59.999Z', false, 0],
      ['2025-06-30T23:00:00.000Z', true, -1],
    ])('should hold a summer deadline at 23:59 BST: at %s passed %s', (iso, deadlinePassed, daysLeft) => {
      const result = sut(ni([]), new Date(iso), CPD_RULE_SETS, { periodContaining: '2025-06-30' });
      expect(result).toMatchObject({ deadlinePassed, daysLeft });
    });

    it('should refuse to judge without a registration date', () => {
      expect(codeOf(() => sut({ regulator: 'NISCC', registeredFrom: null, pieces: [] }, AS_OF))).toBe(
        'REGISTRATION_DATE_REQUIRED',
      );
    });
  });

  describe('at risk', () => {
    it.each([
      ['2025-08-31T12:00:00Z', 91, false],
      ['2025-09-01T12:00:00Z', 90, true],
    ])(
      'should, at %s (%d days left), say at risk %s with the default of 90 days',
      (iso, daysLeft, atRisk) => {
        expect(sut(sweFacts(), new Date(iso))).toMatchObject({ daysLeft, atRisk });
      },
    );

    it('should honour atRiskWithinDays', () => {
      expect(sut(sweFacts(), AS_OF, CPD_RULE_SETS, { atRiskWithinDays: 30 }).atRisk).toBe(false);
      expect(sut(sweFacts(), AS_OF, CPD_RULE_SETS, { atRiskWithinDays: 60 }).atRisk).toBe(true);
    });

    it('should not put someone who has met the requirements at risk', () => {
      const pieces = [cpdPiece({ hasPeerReflection: true }), cpdPiece()];
      expect(sut(sweFacts({ pieces }), AS_OF).atRisk).toBe(false);
    });
  });

  describe('rule sets as data', () => {
    it('should judge by a new rule set passed in, without code changes', () => {
      const ruleSets: CpdRuleSet[] = [
        ...CPD_RULE_SETS.map((r) =>
          r.id === 'SWE_2022_TWO_PIECES_PEER' ? { ...r, effectiveTo: '2026-11-30' } : r,
        ),
        {
          id: 'SWE_2026_THREE_PIECES',
          regulator: 'SOCIAL_WORK_ENGLAND',
          effectiveFrom: '2026-12-01',
          effectiveTo: null,
          description: 'A hypothetical future model.',
          sources: ['test'],
          period: { kind: 'REGISTRATION_YEAR', startsOn: '12-01', joinersExemptFrom: null },
          renewalWindow: { opensDaysBeforeEnd: 30 },
          deadlineDaysBeforeEnd: 0,
          requirements: [{ kind: 'DISTINCT_PIECES', min: 3 }],
        },
      ];
      const result = sut(
        sweFacts({ registeredFrom: '2027-10-01' }),
        new Date('2027-10-15T12:00:00Z'),
        ruleSets,
      );
      expect(result).toMatchObject({
        ruleSetId: 'SWE_2026_THREE_PIECES',
        exempt: false,
        renewalWindowOpensOn: '2027-10-31',
      });
      expect(result.requirements[0]!.progress.required).toBe(3);
    });

    it('should refuse overlapping rule sets with RULE_SET_OVERLAP', () => {
      const overlapping = [...CPD_RULE_SETS, { ...CPD_RULE_SETS[1]!, id: 'COPY' }];
      expect(codeOf(() => sut(sweFacts(), AS_OF, overlapping))).toBe('RULE_SET_OVERLAP');
    });
  });

  describe('laws', () => {
    const date = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2024-12-01', n));
    const piece = fc.record({
      date,
      title: fc.constantFrom('A', 'B', 'C', 'a', 'B!'),
      hours: fc.option(fc.integer({ min: 1, max: 200 }).map((n) => n / 4)),
      hasPeerReflection: fc.boolean(),
      impact: fc.constantFrom('Better practice.', ''),
    });
    const regulator = fc.constantFrom('SOCIAL_WORK_ENGLAND', 'NISCC', 'SOCIAL_CARE_WALES') as fc.Arbitrary<
      CpdComplianceFacts['regulator']
    >;

    it('should never turn met into unmet when a piece is added within one period', () => {
      fc.assert(
        fc.property(regulator, fc.array(piece, { maxLength: 6 }), piece, (reg, pieces, extra) => {
          const facts = (list: typeof pieces): CpdComplianceFacts => ({
            regulator: reg,
            registeredFrom: '2022-12-01',
            pieces: list.map((p) => cpdPiece(p)),
          });
          const before = sut(facts(pieces), AS_OF);
          const after = sut(facts([...pieces, extra]), AS_OF);
          if (before.met) expect(after.met).toBe(true);
          after.requirements.forEach((r, i) =>
            expect(r.progress.current).toBeGreaterThanOrEqual(before.requirements[i]!.progress.current),
          );
        }),
      );
    });
  });
});
