import { Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import {
  DomainError,
  evaluateEligibility,
  type CriterionOutcome,
  type EligibilityResult,
  type PathwayDesign,
  type RouteEligibility as DomainRouteEligibility,
} from '#app/domain';
import {
  PathwayRepository,
  ProgressionApplicationRepository,
  type PathwayVersionEntity,
} from '#app/persistence';
import type { Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../graphql/pagination.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import type { CandidatesArgs } from './dto/candidates.args.js';
import type { ProgressionArgs } from './dto/progression.args.js';
import type {
  CandidatePage,
  PathwayWhatIf,
  Progression,
  ProgressionReport,
  RouteEligibility,
} from './models/eligibility.model.js';
import { eligibleByRoute, peopleOnlyIn } from './eligibility-changes.js';
import { stageOf, toPathwayVersion } from './pathway-design.mapper.js';
import {
  PractitionerFactsService,
  type CpdFactsSource,
  type PractitionerWithFacts,
} from './practitioner-facts.service.js';
import { ReferenceCatalogueService } from './reference-catalogue.service.js';

/**
 * Organisation-wide evaluations run at most this many at a time per process: each holds a whole
 * organisation's facts (a few hundred MB for 2,000 practitioners), so more wait their turn rather
 * than multiply the memory.
 */
const ORGANISATION_WIDE_AT_ONCE = 2;

/** Not eligible yet, but this far along a route, counts as "nearly eligible" in reports. */
const NEARLY_ELIGIBLE = 0.75;

interface Evaluated {
  person: PractitionerWithFacts;
  result: EligibilityResult;
}

/**
 * Who may apply for which route, and what stands in the way: for one practitioner, and set-based
 * for a whole organisation (facts in a few statements, then the pure engine in memory).
 */
@Injectable()
export class EligibilityService {
  /** Organisation-wide evaluations under way, by organisation, version and day (see `evaluate`). */
  private readonly running = new Map<string, Promise<Evaluated[]>>();
  private readonly organisationWide = pLimit(ORGANISATION_WIDE_AT_ONCE);

  constructor(
    private readonly pathways: PathwayRepository,
    private readonly applications: ProgressionApplicationRepository,
    private readonly facts: PractitionerFactsService,
    private readonly catalogue: ReferenceCatalogueService,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  /** The published version of a pathway, or of the organisation's first pathway when none is named. */
  async publishedVersion(principal: Principal, pathwayId?: string | null): Promise<PathwayVersionEntity> {
    const [version] = await this.pathways.findPublished(principal.organisationId, pathwayId ?? undefined);
    if (!version) {
      throw new DomainError(
        'PATHWAY_NOT_FOUND',
        'There is no published pathway to evaluate against yet.',
        'pathwayId',
      );
    }
    return version;
  }

  async progression(principal: Principal, args: ProgressionArgs): Promise<Progression> {
    const userId = args.practitionerUserId ?? principal.userId;
    await this.access.require(principal, userId, 'READ_PROGRESSION', {
      field: 'practitionerUserId',
      message: 'You may not see this practitioner’s progression.',
    });
    const version = await this.publishedVersion(principal, args.pathwayId);
    const [evaluated] = await this.evaluate(principal.organisationId, version, [userId]);
    if (!evaluated)
      throw new DomainError(
        'USER_NOT_FOUND',
        'This person is not a practitioner here.',
        'practitionerUserId',
      );
    const design = version.design;
    return {
      practitionerUserId: userId,
      version: toPathwayVersion(version),
      asOf: evaluated.result.asOf,
      currentStages: evaluated.result.currentStageKeys
        .map((k) => stageOf(design, k))
        .filter((s) => s !== null),
      routes: evaluated.result.routes.map((r) => toRouteModel(design, r)),
    };
  }

  /** One route for one practitioner; the route must be open from a stage they hold. */
  async routeEligibility(
    principal: Principal,
    args: ProgressionArgs & { routeKey: string },
  ): Promise<RouteEligibility> {
    const progression = await this.progression(principal, args);
    const route = progression.routes.find((r) => r.routeKey === args.routeKey);
    if (route) return route;
    const exists = progression.version.routes.some((r) => r.key === args.routeKey);
    throw new DomainError(
      'ROUTE_NOT_FOUND',
      exists
        ? 'This route does not start from a stage the practitioner holds.'
        : 'The pathway has no such route.',
      'routeKey',
      { reason: exists ? 'NOT_OPEN_FROM_CURRENT_STAGES' : 'UNKNOWN_ROUTE' },
    );
  }

  async candidates(principal: Principal, args: CandidatesArgs): Promise<CandidatePage> {
    const version = await this.publishedVersion(principal, args.pathwayId);
    if (!version.design.routes.some((r) => r.key === args.routeKey)) {
      throw new DomainError('ROUTE_NOT_FOUND', 'The pathway has no such route.', 'routeKey');
    }
    const concerned = await this.facts.concernedByRoute(
      principal.organisationId,
      version,
      args.routeKey,
      this.clock.today(),
    );
    const everyone = await this.evaluate(principal.organisationId, version, concerned);
    const onRoute = everyone.flatMap(({ person, result }) => {
      const route = result.routes.find((r) => r.routeKey === args.routeKey);
      return route && (route.eligible || route.closeness >= args.minCloseness) ? [{ person, route }] : [];
    });
    // Closest first: eligible, then by closeness, then a stable tie-break on the user id.
    const key = (c: (typeof onRoute)[number]): [number, number, string] => [
      c.route.eligible ? 1 : 0,
      c.route.closeness,
      c.person.practitioner.user_id,
    ];
    const before = (a: [number, number, string], b: [number, number, string]) =>
      a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] < b[2];
    onRoute.sort((a, b) => (before(key(a), key(b)) ? -1 : before(key(b), key(a)) ? 1 : 0));
    const after = decodeCursor(args.after, ['number', 'number', 'uuid']);
    const rest = after ? onRoute.filter((c) => before(after, key(c))) : onRoute;
    const page = rest.slice(0, args.first);
    return {
      nodes: page.map(({ person, route }) => ({
        practitionerUserId: person.practitioner.user_id,
        eligible: route.eligible,
        closeness: route.closeness,
        gaps: leafGaps(route.outcome),
      })),
      eligibleCount: onRoute.filter((c) => c.route.eligible).length,
      nearlyEligibleCount: onRoute.filter((c) => !c.route.eligible).length,
      hasNextPage: rest.length > args.first,
      hasPreviousPage: after !== null,
      startCursor: page.length > 0 ? encodeCursor(key(page[0]!)) : null,
      endCursor: page.length > 0 ? encodeCursor(key(page.at(-1)!)) : null,
    };
  }

  /** `options.cpdFacts`: CPD facts the caller has read already this request (see `CpdFactsSource`). */
  async report(
    principal: Principal,
    pathwayId?: string | null,
    options: { cpdFacts?: CpdFactsSource } = {},
  ): Promise<ProgressionReport> {
    const version = await this.publishedVersion(principal, pathwayId);
    const design = version.design;
    const [everyone, open] = await Promise.all([
      this.evaluate(principal.organisationId, version, null, options),
      this.applications.countOpenByRoute(principal.organisationId, version.id),
    ]);
    const asOf = this.clock.today();
    const unmet = new Map<string, { routeKey: string; label: string; unmet: number }>();
    const resultsByRoute = new Map<string, DomainRouteEligibility[]>(design.routes.map((r) => [r.key, []]));
    const peopleByStage = new Map<string, number>();
    for (const { result } of everyone) {
      for (const r of result.routes) resultsByRoute.get(r.routeKey)?.push(r);
      for (const key of result.currentStageKeys) peopleByStage.set(key, (peopleByStage.get(key) ?? 0) + 1);
    }
    const routes = design.routes.map((route) => {
      const results = resultsByRoute.get(route.key)!;
      for (const r of results.filter((x) => !x.eligible)) {
        for (const leaf of unmetLeaves(r.outcome)) {
          const label = describe(leaf);
          const id = `${route.key}\u0000${label}`;
          const entry = unmet.get(id) ?? { routeKey: route.key, label, unmet: 0 };
          entry.unmet += 1;
          unmet.set(id, entry);
        }
      }
      return {
        routeKey: route.key,
        fromStageKey: route.fromStageKey,
        toStageKey: route.toStageKey,
        considered: results.length,
        eligible: results.filter((r) => r.eligible).length,
        nearlyEligible: results.filter((r) => !r.eligible && r.closeness >= NEARLY_ELIGIBLE).length,
        openApplications: open.get(route.key) ?? 0,
      };
    });
    return {
      asOf,
      practitioners: everyone.length,
      stages: design.stages.map((stage) => ({ stage, people: peopleByStage.get(stage.key) ?? 0 })),
      routes,
      mostUnmet: [...unmet.values()]
        .sort(
          (a, b) =>
            b.unmet - a.unmet || a.routeKey.localeCompare(b.routeKey) || a.label.localeCompare(b.label),
        )
        .slice(0, 10),
    };
  }

  /** How many would be eligible per route under a draft, beside the published version. */
  async whatIf(principal: Principal, versionId: string): Promise<PathwayWhatIf> {
    const draft = await this.pathways.findVersion(principal.organisationId, versionId);
    if (!draft)
      throw new DomainError(
        'PATHWAY_NOT_FOUND',
        'No such pathway version in your organisation.',
        'versionId',
      );
    if (draft.status !== 'DRAFT') {
      throw new DomainError(
        'PATHWAY_VERSION_NOT_EDITABLE',
        'The what-if compares a draft with the published version.',
        'versionId',
      );
    }
    const [published] = await this.pathways.findPublished(principal.organisationId, draft.pathwayId);
    const people = await this.facts.load(
      principal.organisationId,
      draft.pathwayId,
      null,
      published ? [draft.design, published.design] : [draft.design],
    );
    const { reference } = await this.catalogue.get(principal.organisationId);
    const asOf = this.clock.today();
    // Who is eligible per route, so the designer sees by name who would gain or lose eligibility.
    const evaluated = people.map(({ practitioner, facts }) => ({ userId: practitioner.user_id, facts }));
    const eligibleUnder = (design: PathwayDesign) => eligibleByRoute(evaluated, design, asOf, reference);
    const names = new Map(people.map(({ practitioner: p }) => [p.user_id, p.full_name]));
    const none = new Set<string>();
    const peopleIn = (ids: Set<string>, except: Set<string>) => peopleOnlyIn(ids, except, names);
    const underDraft = eligibleUnder(draft.design);
    const underPublished = published ? eligibleUnder(published.design) : new Map<string, Set<string>>();
    const publishedKeys = new Set(published?.design.routes.map((r) => r.key) ?? []);
    const draftKeys = new Set(draft.design.routes.map((r) => r.key));
    const compare = (routeKey: string) => {
      const now = underPublished.get(routeKey) ?? none;
      const then = draftKeys.has(routeKey) ? (underDraft.get(routeKey) ?? none) : none;
      return {
        routeKey,
        eligibleUnderDraft: then.size,
        eligibleUnderPublished: publishedKeys.has(routeKey) ? now.size : null,
        gained: peopleIn(then, now),
        lost: peopleIn(now, then),
      };
    };
    return {
      asOf,
      practitioners: people.length,
      routes: [
        ...draft.design.routes.map((r) => compare(r.key)),
        ...[...publishedKeys].filter((k) => !draftKeys.has(k)).map(compare),
      ],
    };
  }

  /**
   * Facts for the given people (or everyone) and the engine's verdict for each, as at today.
   * Concurrent organisation-wide evaluations of one version on one day share a single run, and at most
   * ORGANISATION_WIDE_AT_ONCE evaluations of more than one person run at a time: each holds the facts
   * of everyone it evaluates.
   */
  evaluate(
    organisationId: string,
    version: PathwayVersionEntity,
    userIds: readonly string[] | null,
    options: { cpdFacts?: CpdFactsSource } = {},
  ): Promise<Evaluated[]> {
    if (userIds !== null) {
      // One person (myProgression, an application) needs no queue; a route's candidates do.
      return userIds.length <= 1
        ? this.evaluateNow(organisationId, version, userIds)
        : this.organisationWide(() => this.evaluateNow(organisationId, version, userIds));
    }
    const key = `${organisationId}|${version.id}|${this.clock.today()}`;
    let running = this.running.get(key);
    if (!running) {
      running = this.organisationWide(() => this.evaluateNow(organisationId, version, null, options)).finally(
        () => this.running.delete(key),
      );
      this.running.set(key, running);
    }
    return running;
  }

  /**
   * Other work that holds a whole organisation's facts (a remap's preview) waits for the same
   * ORGANISATION_WIDE_AT_ONCE places, so no read can multiply the memory by asking another way.
   */
  whileHoldingOrganisationFacts<T>(work: () => Promise<T>): Promise<T> {
    return this.organisationWide(work);
  }

  private async evaluateNow(
    organisationId: string,
    version: PathwayVersionEntity,
    userIds: readonly string[] | null,
    options: { cpdFacts?: CpdFactsSource } = {},
  ): Promise<Evaluated[]> {
    if (userIds?.length === 0) return [];
    const [people, { reference }] = await Promise.all([
      this.facts.load(organisationId, version.pathwayId, userIds, [version.design], options),
      this.catalogue.get(organisationId),
    ]);
    const asOf = this.clock.today();
    return people.map((person) => ({
      person,
      result: evaluateEligibility(person.facts, version.design, asOf, reference),
    }));
  }
}

export function toRouteModel(design: PathwayDesign, route: DomainRouteEligibility): RouteEligibility {
  return {
    ...route,
    toStage: stageOf(design, route.toStageKey),
    outcome: route.outcome as RouteEligibility['outcome'],
    gaps: leafGaps(route.outcome),
  };
}

/** The unmet criteria a practitioner can act on: leaves of ALL_OF, and an unmet ANY_OF as one. */
function unmetLeaves(outcome: CriterionOutcome): CriterionOutcome[] {
  if (outcome.met) return [];
  if (outcome.type === 'ALL_OF') return outcome.children.flatMap(unmetLeaves);
  return [outcome];
}

function leafGaps(outcome: CriterionOutcome): string[] {
  return unmetLeaves(outcome).map((o) => o.gap ?? o.label);
}

/** A criterion in words; alternatives are spelt out, since "any one of these" says nothing in a report. */
function describe(outcome: CriterionOutcome): string {
  return outcome.type === 'ANY_OF'
    ? `One of: ${outcome.children.map(describe).join('; or ')}`
    : outcome.label;
}
