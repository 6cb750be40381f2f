import { Injectable } from '@nestjs/common';
import {
  CPD_RULE_SETS,
  DomainError,
  evaluateCpdCompliance,
  isGroupDisclosable,
  type CpdComplianceResult,
  type PractitionerCpdFacts,
} from '#app/domain';
import {
  AsyeProgrammeRepository,
  ComplianceFactsRepository,
  UserRepository,
  type MemberFacts,
} from '#app/persistence';
import { Clock } from '../../common/clock.js';
import { AsyeQueryService } from '../asye/asye-query.service.js';
import { CpdComplianceService } from '../compliance/cpd-compliance.service.js';
import { SupervisionService } from '../supervision/supervision.service.js';
import type {
  CpdComplianceInsight,
  EarlyCareerCohort,
  SupervisionInsight,
} from './models/compliance-insight.model.js';
import type { ResolvedInsight } from './workforce-insight.service.js';

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * The compliance side of workforce insight, on the compliance rules' own engines: the facts are
 * loaded set-based by the compliance services (a few statements for the whole organisation), each
 * person is judged by the pure domain rules, and the results are counted per team.
 */
@Injectable()
export class ComplianceInsightService {
  constructor(
    private readonly facts: ComplianceFactsRepository,
    private readonly cpd: CpdComplianceService,
    private readonly supervision: SupervisionService,
    private readonly asye: AsyeQueryService,
    private readonly programmes: AsyeProgrammeRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async cpdCompliance(insight: ResolvedInsight): Promise<CpdComplianceInsight> {
    const members = await this.members(insight);
    const now = this.clock.now();
    const judged = new Map<string, CpdComplianceResult>();
    for (const { practitionerId, facts } of await this.cpdFacts(insight)) {
      try {
        judged.set(practitionerId, evaluateCpdCompliance(facts, now, CPD_RULE_SETS));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    const count = (group: readonly MemberFacts[]) => {
      const results = group.flatMap((m) => (judged.has(m.userId) ? [judged.get(m.userId)!] : []));
      const met = results.filter((r) => r.met).length;
      return {
        evaluated: results.length,
        met,
        atRisk: results.filter((r) => r.atRisk).length,
        rate: rate(met, results.length),
      };
    };
    const atRisk = [...judged]
      .filter(([, r]) => r.atRisk)
      .sort(([a, x], [b, y]) => x.daysLeft - y.daysLeft || a.localeCompare(b));
    const names = await this.names(
      insight,
      atRisk.map(([id]) => id),
    );
    const teamOf = new Map(members.map((m) => [m.userId, m.teamId]));
    return {
      practitioners: members.length,
      ...count(members),
      byTeam: this.byTeam(insight, members, (group) => {
        const c = count(group);
        return { evaluated: c.evaluated, met: c.met, atRisk: c.atRisk, rate: c.rate };
      }),
      peopleAtRisk: names
        ? atRisk.map(([id, r]) => ({
            practitionerUserId: id,
            name: names.get(id) ?? '',
            teamName: this.teamName(insight, teamOf.get(id) ?? null),
            regulator: r.regulator,
            periodEnd: r.period.end,
            daysLeft: r.daysLeft,
          }))
        : [],
    };
  }

  async supervisionInsight(insight: ResolvedInsight): Promise<SupervisionInsight> {
    const members = await this.members(insight);
    const inScope = new Set(members.map((m) => m.userId));
    const statuses = (
      await this.supervision.statuses(insight.scope.organisationId, this.clock.today())
    ).filter((s) => inScope.has(s.superviseeUserId));
    const byPerson = new Map(statuses.map((s) => [s.superviseeUserId, s]));
    const asRequired = (group: readonly MemberFacts[]) =>
      group.filter((m) => {
        const s = byPerson.get(m.userId);
        return s !== undefined && !s.overdue && s.lastQualifyingOn !== null;
      }).length;
    const overdue = statuses
      .filter((s) => s.overdue)
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.superviseeUserId.localeCompare(b.superviseeUserId));
    const names = await this.names(
      insight,
      overdue.map((s) => s.superviseeUserId),
    );
    const teamOf = new Map(members.map((m) => [m.userId, m.teamId]));
    const supervised = asRequired(members);
    return {
      practitioners: members.length,
      supervisedAsRequired: supervised,
      share: rate(supervised, members.length),
      overdue: overdue.length,
      dueSoon: statuses.filter((s) => s.dueSoon).length,
      neverSupervised: members.filter((m) => (byPerson.get(m.userId)?.lastQualifyingOn ?? null) === null)
        .length,
      byTeam: this.byTeam(insight, members, (group) => {
        const n = asRequired(group);
        return {
          supervisedAsRequired: n,
          overdue: group.filter((m) => byPerson.get(m.userId)?.overdue).length,
          share: rate(n, group.length),
        };
      }),
      overduePeople: names
        ? overdue.map((s) => ({
            practitionerUserId: s.superviseeUserId,
            name: names.get(s.superviseeUserId) ?? '',
            teamName: this.teamName(insight, teamOf.get(s.superviseeUserId) ?? null),
            nqsw: s.nqsw,
            daysOverdue: s.daysOverdue,
          }))
        : [],
    };
  }

  async earlyCareerCohort(insight: ResolvedInsight): Promise<EarlyCareerCohort> {
    const { organisationId } = insight.scope;
    const members = await this.members(insight);
    const inScope = new Set(members.map((m) => m.userId));
    const programmes = (await this.programmes.findForOrganisation(organisationId, false)).filter((p) =>
      inScope.has(p.practitionerUserId),
    );
    const views = await this.asye.summaries(organisationId, programmes, this.clock.today());
    const rows = views.map(({ record, summary }) => {
      const next = summary.reviewPoints.find((r) => r.heldOn === null) ?? null;
      return {
        programmeId: record.programme.id,
        practitionerUserId: record.programme.practitionerUserId,
        startDate: record.programme.startDate,
        endsOn: summary.endsOn,
        paused: summary.pausedToday,
        reviewPointsRecorded: summary.reviewPoints.filter((r) => r.status === 'RECORDED').length,
        reviewPointsOverdue: summary.reviewPoints.filter((r) => r.status === 'OVERDUE').length,
        nextReviewPoint: next?.code ?? null,
        nextReviewDueOn: next?.dueOn ?? null,
        evidenceApproved: summary.evidence.reduce((sum, e) => sum + Math.min(e.approved, e.required), 0),
        evidenceRequired: summary.evidence.reduce((sum, e) => sum + e.required, 0),
        evidenceComplete: summary.evidenceComplete,
        protectedTimeMet: summary.protectedTime.met,
      };
    });
    const names = insight.model.suppressed
      ? null
      : await this.names(
          insight,
          rows.map((r) => r.practitionerUserId),
        );
    return {
      programmes: rows.length,
      paused: rows.filter((r) => r.paused).length,
      withReviewOverdue: rows.filter((r) => r.reviewPointsOverdue > 0).length,
      evidenceComplete: rows.filter((r) => r.evidenceComplete).length,
      protectedTimeMet: rows.filter((r) => r.protectedTimeMet).length,
      suppressed: insight.model.suppressed,
      members: names
        ? rows
            .map((r) => ({ ...r, name: names.get(r.practitionerUserId) ?? '' }))
            .sort(
              (a, b) =>
                (a.nextReviewDueOn ?? '9999').localeCompare(b.nextReviewDueOn ?? '9999') ||
                a.name.localeCompare(b.name),
            )
        : [],
    };
  }

  /**
   * The CPD facts of the given people among those in scope, from the request's one read of them
   * (what the progression pipeline's eligibility reads beside cpdCompliance).
   */
  async cpdFactsOf(insight: ResolvedInsight, userIds: readonly string[]): Promise<PractitionerCpdFacts[]> {
    const wanted = new Set(userIds);
    return (await this.cpdFacts(insight)).filter((f) => wanted.has(f.practitionerId));
  }

  /** The CPD facts of the practitioners in scope, read once per request. */
  private cpdFacts(insight: ResolvedInsight): Promise<PractitionerCpdFacts[]> {
    return (insight.shared.cpdFacts ??= this.members(insight).then((members) =>
      this.cpd.factsFor(insight.scope.organisationId, members),
    ));
  }

  /** Active practitioners in scope (the organisation or one team), read once per request. */
  private members(insight: ResolvedInsight): Promise<MemberFacts[]> {
    const { organisationId, teamId } = insight.scope;
    return (insight.shared.members ??= this.facts
      .findMembers(organisationId, { role: 'PRACTITIONER', ...(teamId ? { teamId } : {}) })
      .then((members) => members.filter((m) => m.active)));
  }

  /** Names of the given people, or `null` when the caller may not see individuals. */
  private async names(
    insight: ResolvedInsight,
    userIds: readonly string[],
  ): Promise<Map<string, string> | null> {
    if (!insight.model.individualsVisible) return null;
    const users = await this.users.findByIdsInOrganisation(insight.scope.organisationId, [
      ...new Set(userIds),
    ]);
    return new Map(users.map((u) => [u.id, u.fullName]));
  }

  private teamName(insight: ResolvedInsight, teamId: string | null): string | null {
    return insight.teams.find((t) => t.teamId === teamId)?.teamName ?? null;
  }

  /** Figures per team of the scope, nulled for teams below the minimum group size. */
  private byTeam<T extends Record<string, number | null>>(
    insight: ResolvedInsight,
    members: readonly MemberFacts[],
    figures: (group: readonly MemberFacts[]) => T,
  ) {
    const teams = new Map<string | null, MemberFacts[]>();
    for (const m of members) teams.set(m.teamId, [...(teams.get(m.teamId) ?? []), m]);
    return [...teams].map(([teamId, group]) => {
      const suppressed = !isGroupDisclosable(group.length, insight.model.minGroupSize);
      const values = figures(group);
      return {
        teamId,
        teamName: this.teamName(insight, teamId),
        suppressed,
        ...(Object.fromEntries(Object.keys(values).map((k) => [k, suppressed ? null : values[k]])) as {
          [K in keyof T]: T[K] | null;
        }),
      };
    });
  }
}
