import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  addCarriedMappings,
  compareRemapCoverage,
  DomainError,
  planFrameworkRemap,
  type FrameworkRemapPlan,
  type PractitionerFacts,
} from '#app/domain';
import {
  AuditEventRepository,
  EligibilityFactsRepository,
  FrameworkAlignmentRepository,
  FrameworkRemapRepository,
  FrameworkRepository,
  PathwayRepository,
  type DerivedApprovedRow,
  type FrameworkItemEntity,
  type FrameworkRemapRunEntity,
  type FrameworkVersionEntity,
  type PathwayVersionEntity,
  type RemapMappingRow,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../graphql/pagination.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { eligibleByRoute, peopleOnlyIn } from '../progression/eligibility-changes.js';
import { EligibilityService } from '../progression/eligibility.service.js';
import { derivedFacts, PractitionerFactsService } from '../progression/practitioner-facts.service.js';
import { ReferenceCatalogueService } from '../progression/reference-catalogue.service.js';
import type { ApplyFrameworkRemapInput } from './dto/apply-framework-remap.input.js';
import type { FrameworkRemapPreviewArgs } from './dto/framework-remap-preview.args.js';
import type {
  FrameworkRemapPreview,
  FrameworkRemapRun,
  RemapEligibility,
  RemapItem,
} from './models/framework-remap.model.js';

export const REMAP_ROLES = ['PRINCIPAL_SOCIAL_WORKER'] as const;

type VersionRef = FrameworkVersionEntity & { frameworkCode: string };
type Codes = Pick<
  ApplyFrameworkRemapInput,
  'fromFrameworkCode' | 'fromVersion' | 'toFrameworkCode' | 'toVersion'
>;

interface Planned {
  from: VersionRef;
  to: VersionRef;
  items: Map<string, FrameworkItemEntity>;
  toItems: FrameworkItemEntity[];
  mappings: RemapMappingRow[];
  plan: FrameworkRemapPlan;
}

/**
 * Remapping an organisation's evidence from one framework version to another: a preview of who
 * gains coverage and eligibility, and the apply that writes derived mappings (one transaction, one
 * audit event, idempotent). Original mappings and their sign-offs are never touched.
 */
@Injectable()
export class FrameworkRemappingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly frameworks: FrameworkRepository,
    private readonly alignments: FrameworkAlignmentRepository,
    private readonly remaps: FrameworkRemapRepository,
    private readonly eligibilityFacts: EligibilityFactsRepository,
    private readonly pathways: PathwayRepository,
    private readonly facts: PractitionerFactsService,
    private readonly catalogue: ReferenceCatalogueService,
    private readonly eligibility: EligibilityService,
    private readonly audit: AuditEventRepository,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  async preview(principal: Principal, args: FrameworkRemapPreviewArgs): Promise<FrameworkRemapPreview> {
    const { organisationId } = principal;
    // Everyone's coverage and eligibility, by name: what a role that reads every portfolio and progression may see.
    this.access.requireOrganisationWide(
      principal,
      ['READ_PORTFOLIO', 'READ_PROGRESSION'],
      'A remap’s preview shows everyone’s coverage and eligibility: it is for the PSW.',
    );
    // A cursor that is not one of ours is refused before any of the organisation is read.
    const after = decodeCursor(args.after, ['uuid']);
    const [from, to] = await this.versions(organisationId, args, '');
    const planned = await this.plan(organisationId, from, to, '');
    const { plan, mappings, items } = planned;
    const existing = await this.remaps.derivedOnto(organisationId, to.id);
    const written = new Set(existing.map((d) => `${d.sourceMappingId} ${d.toItemId}`));
    const fresh = plan.derived.filter((d) => !written.has(`${d.sourceMappingId} ${d.toItemId}`));

    const mappingById = new Map(mappings.map((m) => [m.mappingId, m]));
    const coverage = compareRemapCoverage(
      mappings.filter((m) => m.frameworkVersionId === to.id),
      [
        // Written by earlier runs, from this version or another, with their sources as they stand now.
        ...existing.map((d) => ({ ...d, itemId: d.toItemId, planned: false })),
        ...fresh.map((d) => ({
          ...mappingById.get(d.sourceMappingId)!,
          itemId: d.toItemId,
          via: d.via,
          planned: true,
        })),
      ],
    );

    const people = await this.eligibilityFacts.practitioners(organisationId, null);
    const rest = after ? people.filter((p) => p.user_id > after[0]) : people;
    const page = rest.slice(0, args.first);
    const order = new Map(planned.toItems.map((i, index) => [i.id, index]));
    const codes = (ids: Iterable<string>) =>
      [...ids].sort((a, b) => order.get(a)! - order.get(b)!).map((id) => items.get(id)!.code);

    const eligibility = await this.eligibilityChanges(
      organisationId,
      args.pathwayId ?? null,
      fresh.flatMap((d) => {
        const source = mappingById.get(d.sourceMappingId)!;
        return source.newestApproved
          ? [
              {
                userId: source.ownerUserId,
                evidenceId: source.evidenceId,
                kind: source.kind,
                date: source.date,
                itemId: d.toItemId,
                via: d.via,
                decision: source.decision,
              },
            ]
          : [];
      }),
    );
    return {
      from: ref(from),
      to: ref(to),
      links: plan.links.map((l) => ({
        from: item(items, l.fromItemId),
        to: item(items, l.toItemId),
        via: l.via,
      })),
      sourceMappings: mappings.filter((m) => m.frameworkVersionId === from.id).length,
      derivedMappings: plan.derived.length,
      alreadyDerivedMappings: plan.derived.length - fresh.length,
      alreadyMappedMappings: plan.alreadyMapped.length,
      unmappedMappings: plan.unmapped.length,
      itemsWithoutTarget: plan.itemsWithoutTarget.map((id) => item(items, id)),
      practitioners: {
        nodes: page.map((p) => {
          const change = coverage.get(p.user_id);
          return {
            userId: p.user_id,
            fullName: p.full_name,
            itemsApprovedBefore: change?.approvedBefore.size ?? 0,
            itemsApprovedAfter: change?.approvedAfter.size ?? 0,
            itemsUnjudgedAfter: change?.unjudgedAfter.size ?? 0,
            itemsGained: change
              ? codes([...change.approvedAfter].filter((i) => !change.approvedBefore.has(i)))
              : [],
            newDerivedMappings: change?.plannedDerived ?? 0,
            routesGained: eligibility?.byUser.get(p.user_id)?.gained ?? [],
            routesLost: eligibility?.byUser.get(p.user_id)?.lost ?? [],
          };
        }),
        totalCount: people.length,
        hasNextPage: rest.length > args.first,
        endCursor: page.length > 0 ? encodeCursor([page.at(-1)!.user_id]) : null,
      },
      eligibility: eligibility?.model ?? null,
    };
  }

  async apply(principal: Principal, input: ApplyFrameworkRemapInput): Promise<FrameworkRemapRun> {
    const { organisationId } = principal;
    const [from, to] = await this.versions(organisationId, input, 'input.');
    const run = await this.dataSource.transaction(async (manager) => {
      await this.remaps.lockPair(organisationId, from.id, to.id, manager);
      const { plan } = await this.plan(organisationId, from, to, 'input.', manager);
      const existing = await this.remaps.derivedOnto(organisationId, to.id, manager);
      const written = new Set(existing.map((d) => `${d.sourceMappingId} ${d.toItemId}`));
      const fresh = plan.derived.filter((d) => !written.has(`${d.sourceMappingId} ${d.toItemId}`));
      const saved = await this.remaps.insertRun(
        organisationId,
        {
          fromVersionId: from.id,
          toVersionId: to.id,
          runByUserId: principal.userId,
          derivedCount: fresh.length,
          alreadyDerivedCount: plan.derived.length - fresh.length,
          alreadyMappedCount: plan.alreadyMapped.length,
          unmappedCount: plan.unmapped.length,
        },
        manager,
      );
      await this.remaps.insertDerived(organisationId, saved.id, fresh, manager);
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, REMAP_ROLES),
          action: 'FRAMEWORK_REMAP_APPLIED',
          entityType: 'FRAMEWORK_REMAP_RUN',
          entityId: saved.id,
          subjectUserId: null,
          // Counts only: which evidence was remapped is in the derived mappings, not the trail.
          changes: {
            from: `${from.frameworkCode} ${from.version}`,
            to: `${to.frameworkCode} ${to.version}`,
            links: plan.links.length,
            derived: saved.derivedCount,
            alreadyDerived: saved.alreadyDerivedCount,
            alreadyMapped: saved.alreadyMappedCount,
            unmapped: saved.unmappedCount,
            itemsWithoutTarget: plan.itemsWithoutTarget.length,
          },
        },
        manager,
      );
      return saved;
    });
    return toRun(run, from, to);
  }

  /** Both versions, readable by the organisation (reference or its own import), or FRAMEWORK_NOT_FOUND. */
  private async versions(
    organisationId: string,
    codes: Codes,
    prefix: string,
  ): Promise<[VersionRef, VersionRef]> {
    const [from, to] = await Promise.all([
      this.frameworks.findVersionByCodes(codes.fromFrameworkCode, codes.fromVersion, organisationId),
      this.frameworks.findVersionByCodes(codes.toFrameworkCode, codes.toVersion, organisationId),
    ]);
    if (!from) {
      throw new DomainError(
        'FRAMEWORK_NOT_FOUND',
        `There is no ${codes.fromFrameworkCode} ${codes.fromVersion}.`,
        `${prefix}fromVersion`,
      );
    }
    if (!to) {
      throw new DomainError(
        'FRAMEWORK_NOT_FOUND',
        `There is no ${codes.toFrameworkCode} ${codes.toVersion}.`,
        `${prefix}toVersion`,
      );
    }
    return [from, to];
  }

  /** Items, links and mappings of the two versions (four statements) and the domain's plan. */
  private async plan(
    organisationId: string,
    from: VersionRef,
    to: VersionRef,
    prefix: string,
    manager?: EntityManager,
  ): Promise<Planned> {
    const versionItems = await this.frameworks.findItemsByVersionIds([from.id, to.id]);
    const fromItems = versionItems.filter((i) => i.frameworkVersionId === from.id);
    const toItems = versionItems.filter((i) => i.frameworkVersionId === to.id);
    const [links, mappings] = await Promise.all([
      this.alignments.findFromItems(
        organisationId,
        versionItems.map((i) => i.id),
      ),
      this.remaps.mappingsToVersions(organisationId, [from.id, to.id], manager),
    ]);
    const originalTargets = new Map<string, Set<string>>();
    for (const m of mappings) {
      if (m.frameworkVersionId !== to.id) continue;
      const own = originalTargets.get(m.evidenceVersionId) ?? new Set<string>();
      originalTargets.set(m.evidenceVersionId, own.add(m.itemId));
    }
    const plan = planFrameworkRemap(
      {
        fromVersionId: from.id,
        toVersionId: to.id,
        fromItemIds: fromItems.map((i) => i.id),
        toItemIds: toItems.map((i) => i.id),
        links: links.flatMap((l) =>
          l.target.itemId === null
            ? []
            : [{ fromItemId: l.fromItemId, toItemId: l.target.itemId, type: l.type, confirmed: l.confirmed }],
        ),
        sources: mappings
          .filter((m) => m.frameworkVersionId === from.id)
          .map((m) => ({ mappingId: m.mappingId, evidenceVersionId: m.evidenceVersionId, itemId: m.itemId })),
        originalTargets,
      },
      prefix,
    );
    return { from, to, items: new Map(versionItems.map((i) => [i.id, i])), toItems, mappings, plan };
  }

  /**
   * Who would gain or lose eligibility on the published routes once the planned mappings are
   * written: the facts as they stand, then with the carried ones added, through the same engine.
   */
  private async eligibilityChanges(
    organisationId: string,
    pathwayId: string | null,
    planned: readonly DerivedApprovedRow[],
  ): Promise<{ model: RemapEligibility; byUser: Map<string, { gained: string[]; lost: string[] }> } | null> {
    const [version] = await this.pathways.findPublished(organisationId, pathwayId ?? undefined);
    if (!version) {
      if (pathwayId === null) return null;
      throw new DomainError('PATHWAY_NOT_FOUND', 'There is no such published pathway.', 'pathwayId');
    }
    return this.eligibility.whileHoldingOrganisationFacts(() =>
      this.compareEligibility(organisationId, version, planned),
    );
  }

  private async compareEligibility(
    organisationId: string,
    version: PathwayVersionEntity,
    planned: readonly DerivedApprovedRow[],
  ): Promise<{ model: RemapEligibility; byUser: Map<string, { gained: string[]; lost: string[] }> }> {
    const [people, catalogue] = await Promise.all([
      this.facts.load(organisationId, version.pathwayId, null, [version.design]),
      this.catalogue.get(organisationId),
    ]);
    const plannedByUser = new Map<string, DerivedApprovedRow[]>();
    for (const d of planned) plannedByUser.set(d.userId, [...(plannedByUser.get(d.userId) ?? []), d]);
    const asOf = this.clock.today();
    const everyone = people.map(({ practitioner, facts }) => ({ userId: practitioner.user_id, facts }));
    const before = eligibleByRoute(everyone, version.design, asOf, catalogue.reference);
    // Only those the remap gives carried mappings can change: the others are evaluated once.
    const changed = everyone
      .filter((p) => plannedByUser.has(p.userId))
      .map(({ userId, facts }): { userId: string; facts: PractitionerFacts } => ({
        userId,
        facts: {
          ...facts,
          approvedEvidence: addCarriedMappings(
            facts.approvedEvidence,
            derivedFacts(plannedByUser.get(userId)!, catalogue),
          ),
        },
      }));
    const changedAfter = eligibleByRoute(changed, version.design, asOf, catalogue.reference);
    const afterwards = new Map(
      version.design.routes.map((r) => [
        r.key,
        new Set([
          ...[...(before.get(r.key) ?? [])].filter((id) => !plannedByUser.has(id)),
          ...(changedAfter.get(r.key) ?? []),
        ]),
      ]),
    );
    const names = new Map(people.map(({ practitioner: p }) => [p.user_id, p.full_name]));
    const none = new Set<string>();
    const byUser = new Map<string, { gained: string[]; lost: string[] }>();
    const routes = version.design.routes.map((r) => {
      const now = before.get(r.key) ?? none;
      const then = afterwards.get(r.key) ?? none;
      const change = {
        routeKey: r.key,
        eligibleBefore: now.size,
        eligibleAfter: then.size,
        gained: peopleOnlyIn(then, now, names),
        lost: peopleOnlyIn(now, then, names),
      };
      for (const [list, key] of [
        [change.gained, 'gained'],
        [change.lost, 'lost'],
      ] as const) {
        for (const person of list) {
          const own = byUser.get(person.userId) ?? { gained: [], lost: [] };
          own[key].push(r.key);
          byUser.set(person.userId, own);
        }
      }
      return change;
    });
    return {
      model: { pathwayId: version.pathwayId, pathwayVersionId: version.id, asOf, routes },
      byUser,
    };
  }
}

function ref(v: VersionRef) {
  return { frameworkCode: v.frameworkCode, version: v.version };
}

function item(items: Map<string, FrameworkItemEntity>, id: string): RemapItem {
  const found = items.get(id)!;
  return { id: found.id, code: found.code, title: found.title };
}

function toRun(run: FrameworkRemapRunEntity, from: VersionRef, to: VersionRef): FrameworkRemapRun {
  return {
    id: run.id,
    from: ref(from),
    to: ref(to),
    derivedCount: run.derivedCount,
    alreadyDerivedCount: run.alreadyDerivedCount,
    alreadyMappedCount: run.alreadyMappedCount,
    unmappedCount: run.unmappedCount,
    runByUserId: run.runByUserId,
    runAt: run.createdAt,
  };
}
