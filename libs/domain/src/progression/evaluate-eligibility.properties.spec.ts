import fc from 'fast-check';
import { EVIDENCE_KINDS, QUALIFICATION_TYPES } from '../portfolio/portfolio.types.js';
import { evaluateEligibility } from './evaluate-eligibility.js';
import type {
  ApprovedEvidenceFacts,
  CpdComplianceYear,
  Criterion,
  CriterionOutcome,
  EligibilityResult,
  PathwayDesign,
  PractitionerFacts,
  PractitionerQualificationFacts,
  StageHistoryEntry,
} from './progression.types.js';
import { PCF_2018, PCF_DOMAINS, PCF_LEVELS, REFERENCE, design, stage } from './progression.test-fixtures.js';
import { evaluateCriterion } from './criteria/evaluate-criterion.js';
import { indexApprovedEvidence } from './criteria/index-approved-evidence.js';

const RUNS = { numRuns: 150 };
const STAGE_KEYS = ['SOCIAL_WORKER', 'EXPERIENCED', 'ADVANCED', 'PRACTICE_EDUCATOR'];
const DOMAIN_CODES = PCF_DOMAINS.map(([code]) => code);
/** Most evidence and criteria use a few domains, so that criteria are often met. */
const domainCode = fc.oneof(
  { arbitrary: fc.constantFrom(...DOMAIN_CODES.slice(0, 2)), weight: 4 },
  { arbitrary: fc.constantFrom(...DOMAIN_CODES), weight: 1 },
);
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY;
const LAST_DAY = Date.UTC(2026, 11, 31) / DAY;

const iso = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const day = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(iso);
/** Mostly `null`: optional parts of criteria are the exception, so that criteria are often met. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary, weight: 1 });

// ---- facts -----------------------------------------------------------------------------------------

const stageEntry: fc.Arbitrary<StageHistoryEntry> = fc
  .record({
    stageKey: fc.constantFrom(...STAGE_KEYS),
    from: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    length: rarely(fc.integer({ min: 0, max: 2_000 })),
  })
  .map(({ stageKey, from, length }) => ({
    stageKey,
    from: iso(from),
    to: length === null ? null : iso(from + length),
  }));

const qualification: fc.Arbitrary<PractitionerQualificationFacts> = fc.record({
  type: fc.constantFrom(...QUALIFICATION_TYPES),
  awardedOn: day,
  expiresOn: rarely(day),
  verified: fc.oneof(
    { arbitrary: fc.constant(true), weight: 4 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  credits: fc.option(fc.integer({ min: 0, max: 60 })),
});

const mapping = fc.oneof(
  {
    arbitrary: fc.record({
      frameworkCode: fc.constant('PCF'),
      frameworkVersion: fc.constantFrom('2018', '2018', '2012'),
      itemCode: domainCode,
      acceptedLevelOrdinal: fc.option(fc.integer({ min: 4, max: 9 })),
      acceptedLevelCode: fc.option(fc.constantFrom(...PCF_LEVELS.map(([, code]) => code))),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      frameworkCode: fc.constant('KSS_CHILD_AND_FAMILY'),
      frameworkVersion: fc.constant('2018'),
      itemCode: fc.integer({ min: 1, max: 11 }).map(String),
      acceptedLevelOrdinal: fc.constant(null),
      acceptedLevelCode: fc.constant(null),
    }),
    weight: 1,
  },
);

const approvedEvidence: fc.Arbitrary<ApprovedEvidenceFacts> = fc.record({
  evidenceId: fc.integer({ min: 0, max: 12 }).map((n) => `evidence-${n}`),
  kind: fc.constantFrom(...EVIDENCE_KINDS),
  date: fc.integer({ min: FIRST_DAY, max: Date.UTC(2025, 11, 31) / DAY }).map(iso),
  mappings: fc.array(mapping, { maxLength: 6 }),
});

const cpdYear: fc.Arbitrary<CpdComplianceYear> = fc
  .record({ endYear: fc.integer({ min: 2016, max: 2026 }), met: fc.boolean() })
  .map(({ endYear, met }) => ({
    periodLabel: `${endYear - 1}-${endYear}`,
    periodEnd: `${endYear}-11-30`,
    met,
  }));

const practitionerFacts: fc.Arbitrary<PractitionerFacts> = fc.record({
  dateQualified: fc.option(day),
  stageHistory: fc.array(stageEntry, { maxLength: 4 }),
  qualifications: fc.array(qualification, { maxLength: 6 }),
  approvedEvidence: fc.array(approvedEvidence, { maxLength: 16, size: 'medium' }),
  cpdCompliance: fc.option(fc.array(cpdYear, { maxLength: 5 })),
});

// ---- criteria --------------------------------------------------------------------------------------

const count = (max: number) => fc.integer({ min: 1, max });

const leafCriterion: fc.Arbitrary<Criterion> = fc.oneof(
  count(120).map((months): Criterion => ({ type: 'MIN_POST_QUALIFYING_MONTHS', months })),
  count(60).map((months): Criterion => ({ type: 'MIN_MONTHS_IN_STAGE', months })),
  fc
    .record({
      level: fc.integer({ min: 1, max: 8 }),
      byCode: fc.boolean(),
      domains: fc.oneof(
        { arbitrary: fc.constant('ALL' as const), weight: 1 },
        {
          arbitrary: fc.uniqueArray(domainCode, { minLength: 1, maxLength: 2 }),
          weight: 3,
        },
      ),
      pieces: count(2),
      withinMonths: rarely(count(60)),
      kinds: rarely(fc.uniqueArray(fc.constantFrom(...EVIDENCE_KINDS), { minLength: 2, maxLength: 5 })),
    })
    .map(({ level, byCode, domains, pieces, withinMonths, kinds }): Criterion => ({
      type: 'APPROVED_EVIDENCE',
      ...(byCode ? { minLevelCode: PCF_LEVELS[level - 1][1] } : { minLevelOrdinal: level }),
      domainCodes: domains,
      minPiecesPerDomain: pieces,
      ...(withinMonths === null ? {} : { withinMonths }),
      ...(kinds === null ? {} : { kinds }),
    })),
  fc.record({ tenths: count(10), byKind: fc.boolean() }).map(({ tenths, byKind }): Criterion => ({
    type: 'FRAMEWORK_COVERAGE',
    frameworkCode: 'KSS_CHILD_AND_FAMILY',
    version: '2018',
    minShare: tenths / 10,
    ...(byKind ? { itemKind: 'STATEMENT' } : {}),
  })),
  fc
    .record({
      qualificationType: fc.constantFrom(...QUALIFICATION_TYPES),
      credits: count(60),
      currency: rarely(fc.oneof(fc.constant('EVALUATION_DATE' as const), day)),
    })
    .map(({ qualificationType, credits, currency }): Criterion => ({
      type: 'QUALIFICATION',
      qualificationType,
      ...(qualificationType === 'PQ_CREDITS' ? { minCredits: credits } : {}),
      ...(currency === 'EVALUATION_DATE' ? { currentOnEvaluationDate: true } : {}),
      ...(currency !== null && currency !== 'EVALUATION_DATE' ? { currentOn: currency } : {}),
    })),
  count(3).map((registrationYears): Criterion => ({ type: 'CPD_COMPLIANCE', registrationYears })),
  fc.constantFrom(...STAGE_KEYS).map((stageKey): Criterion => ({ type: 'HOLDS_STAGE', stageKey })),
);

function criterionOfDepth(depth: number): fc.Arbitrary<Criterion> {
  if (depth === 0) return leafCriterion;
  const group = fc.record({
    type: fc.constantFrom('ALL_OF' as const, 'ANY_OF' as const),
    criteria: fc.array(criterionOfDepth(depth - 1), { minLength: 1, maxLength: 4 }),
  });
  return fc.oneof(leafCriterion, group);
}

const criterion = criterionOfDepth(3);

/** A route from every stage to a target, each with the criterion: whichever stage is held, one is evaluated. */
function probe(criteria: Criterion | ((stageKey: string) => Criterion)): PathwayDesign {
  return design({
    stages: [...STAGE_KEYS.map((key) => stage(key)), stage('TARGET')],
    routes: STAGE_KEYS.map((key) => ({
      key: `${key}_TO_TARGET`,
      fromStageKey: key,
      toStageKey: 'TARGET',
      mechanism: 'PANEL' as const,
      criteria: typeof criteria === 'function' ? criteria(key) : criteria,
    })),
  });
}

const asOf = fc.integer({ min: Date.UTC(2024, 0, 1) / DAY, max: LAST_DAY }).map(iso);

const evaluate = (facts: PractitionerFacts, pathway: PathwayDesign, on: string) =>
  evaluateEligibility(facts, pathway, on, REFERENCE);

// ---- helpers ---------------------------------------------------------------------------------------

/** Every outcome in a tree, depth first. */
function nodes(outcome: CriterionOutcome): CriterionOutcome[] {
  return [outcome, ...outcome.children.flatMap(nodes)];
}

/** Pairs of outcomes at the same place in two results of the same design, by route key. */
function pairs(before: EligibilityResult, after: EligibilityResult): [CriterionOutcome, CriterionOutcome][] {
  return before.routes.flatMap((route) => {
    const other = after.routes.find((r) => r.routeKey === route.routeKey);
    if (other === undefined) return [];
    const a = nodes(route.outcome);
    const b = nodes(other.outcome);
    return a.map((node, i): [CriterionOutcome, CriterionOutcome] => [node, b[i]]);
  });
}

/** A shuffle driven by a seed, so fast-check can replay and shrink it. */
function shuffler(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
}

function shuffleCriterion(c: Criterion, shuffle: <T>(items: readonly T[]) => T[]): Criterion {
  if (c.type !== 'ALL_OF' && c.type !== 'ANY_OF') return c;
  return { type: c.type, criteria: shuffle(c.criteria.map((child) => shuffleCriterion(child, shuffle))) };
}

/** An outcome with its children in a canonical order, for comparing regardless of criteria order. */
function canonical(outcome: CriterionOutcome): unknown {
  const children = outcome.children.map(canonical).map((c) => JSON.stringify(c));
  return { ...outcome, children: children.sort() };
}

// ---- laws ------------------------------------------------------------------------------------------

describe('evaluateEligibility (laws)', () => {
  it('should never turn a met criterion unmet when approved evidence is added', () => {
    fc.assert(
      fc.property(
        practitionerFacts,
        fc.array(approvedEvidence, { minLength: 1, maxLength: 4 }),
        criterion,
        asOf,
        (facts, extra, c, on) => {
          const pathway = probe(c);
          const before = evaluate(facts, pathway, on);
          const after = evaluate(
            { ...facts, approvedEvidence: [...facts.approvedEvidence, ...extra] },
            pathway,
            on,
          );
          for (const [a, b] of pairs(before, after)) {
            if (a.met) expect(b.met).toBe(true);
            expect(b.progress.current).toBeGreaterThanOrEqual(
              a.type === 'ALL_OF' || a.type === 'ANY_OF' ? 0 : a.progress.current,
            );
          }
          before.routes.forEach((route, i) => {
            expect(after.routes[i].closeness).toBeGreaterThanOrEqual(route.closeness);
          });
        },
      ),
      RUNS,
    );
  });

  it('should never turn a met experience criterion unmet when qualifying or a stage started earlier', () => {
    const experience = fc.oneof(
      count(120).map((months): Criterion => ({ type: 'MIN_POST_QUALIFYING_MONTHS', months })),
      count(60).map((months): Criterion => ({ type: 'MIN_MONTHS_IN_STAGE', months })),
    );
    fc.assert(
      fc.property(
        practitionerFacts,
        experience,
        fc.nat(1_500),
        fc.nat(1_500),
        fc.nat(10),
        asOf,
        (facts, c, qualifiedEarlier, startedEarlier, entryIndex, on) => {
          const pathway = probe(c);
          const moved = facts.stageHistory.map((entry, i) =>
            i === entryIndex % Math.max(facts.stageHistory.length, 1)
              ? { ...entry, from: iso(dayNumber(entry.from) - startedEarlier) }
              : entry,
          );
          const before = evaluate(facts, pathway, on);
          const after = evaluate(
            {
              ...facts,
              dateQualified:
                facts.dateQualified === null ? null : iso(dayNumber(facts.dateQualified) - qualifiedEarlier),
              stageHistory: moved,
            },
            pathway,
            on,
          );
          for (const [a, b] of pairs(before, after)) {
            if (a.met) expect(b.met).toBe(true);
            expect(b.progress.current).toBeGreaterThanOrEqual(a.progress.current);
          }
        },
      ),
      RUNS,
    );
  });

  it('should meet ALL_OF exactly when every child is met and ANY_OF when some child is', () => {
    fc.assert(
      fc.property(practitionerFacts, criterion, asOf, (facts, c, on) => {
        const result = evaluate(facts, probe(c), on);
        for (const route of result.routes) {
          expect(route.eligible).toBe(route.outcome.met);
          expect(route.closeness === 1).toBe(route.eligible);
          expect(route.closeness).toBeGreaterThanOrEqual(0);
          for (const node of nodes(route.outcome)) {
            if (node.type === 'ALL_OF') expect(node.met).toBe(node.children.every((child) => child.met));
            if (node.type === 'ANY_OF') expect(node.met).toBe(node.children.some((child) => child.met));
            expect(node.gap === null).toBe(node.met);
          }
        }
      }),
      RUNS,
    );
  });

  it('should not depend on the order of facts or of criteria within groups', () => {
    fc.assert(
      fc.property(practitionerFacts, criterion, asOf, fc.integer(), (facts, c, on, seed) => {
        const shuffle = shuffler(seed);
        const shuffledFacts: PractitionerFacts = {
          dateQualified: facts.dateQualified,
          stageHistory: shuffle(facts.stageHistory),
          qualifications: shuffle(facts.qualifications),
          approvedEvidence: shuffle(facts.approvedEvidence).map((e) => ({
            ...e,
            mappings: shuffle(e.mappings),
          })),
          cpdCompliance: facts.cpdCompliance === null ? null : shuffle(facts.cpdCompliance),
        };
        const before = evaluate(facts, probe(c), on);
        const after = evaluate(
          shuffledFacts,
          probe(() => shuffleCriterion(c, shuffle)),
          on,
        );

        expect(after.currentStageKeys).toEqual(before.currentStageKeys);
        expect(after.routes.map((r) => r.routeKey)).toEqual(before.routes.map((r) => r.routeKey));
        before.routes.forEach((route, i) => {
          expect(after.routes[i].eligible).toBe(route.eligible);
          expect(after.routes[i].closeness).toBe(route.closeness);
          expect(canonical(after.routes[i].outcome)).toEqual(canonical(route.outcome));
        });
      }),
      RUNS,
    );
  });

  it('should judge a criterion the same with the evidence indexed once per evaluation or per criterion', () => {
    fc.assert(
      fc.property(practitionerFacts, criterion, asOf, (facts, c, on) => {
        const context = {
          asOf: on,
          facts,
          design: probe(c),
          reference: REFERENCE,
          pcf: PCF_2018,
          fromStageKey: 'SOCIAL_WORKER',
        };
        const indexed = { ...context, evidence: indexApprovedEvidence(facts, on, PCF_2018) };
        expect(evaluateCriterion(c, indexed)).toEqual(evaluateCriterion(c, context));
      }),
      RUNS,
    );
  });
});
