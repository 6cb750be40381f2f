import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  assertIdentifiersConfirmed,
  assertSupervisionValid,
  DomainError,
  londonDateOf,
  nqswPeriodOf,
  summariseSupervision,
  type AccessRefusal,
  type NqswPeriod,
  type SupervisionPolicy,
} from '#app/domain';
import {
  AsyeProgrammeRepository,
  AuditEventRepository,
  ComplianceFactsRepository,
  PractitionerStageRepository,
  SupervisionRepository,
  type EvidenceVersionEntity,
  type MemberFacts,
  type SupervisionEntity,
  type SupervisionSessionFacts,
} from '#app/persistence';
import { actingRole, hasAnyRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { confirmedIdentifiers } from '../../common/confirmed-identifiers.js';
import { decimalHoursFromMinutes } from '../../common/hours.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { OrganisationPolicyService } from '../compliance/organisation-policy.service.js';
import { EvidenceService } from '../portfolio/evidence.service.js';
import type { OverdueScope } from './dto/overdue-scope.enum.js';
import type { CreateEvidenceFromSupervisionInput } from './dto/create-evidence-from-supervision.input.js';
import type { RecordSupervisionInput } from './dto/record-supervision.input.js';
import type { Supervision, SupervisionStatus } from './models/supervision.model.js';

const ORGANISATION_VIEW = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;
const KIND_LABEL = { REFLECTIVE: 'Reflective', CASE_MANAGEMENT: 'Case management', GROUP: 'Group' } as const;

/**
 * Supervision sessions and whether they keep to the organisation's policy (reference §8.2, §10 rule 7).
 * Notes are returned only to the two people in the session.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly supervisions: SupervisionRepository,
    private readonly facts: ComplianceFactsRepository,
    private readonly programmes: AsyeProgrammeRepository,
    private readonly stages: PractitionerStageRepository,
    private readonly access: AccessPolicyService,
    private readonly portfolio: EvidenceService,
    private readonly audit: AuditEventRepository,
    private readonly policies: OrganisationPolicyService,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal, input: RecordSupervisionInput): Promise<Supervision> {
    const supervisorUserId = input.supervisorId ?? principal.userId;
    const session = {
      supervisorUserId,
      superviseeUserId: input.superviseeId,
      date: input.date,
      minutes: input.durationMinutes,
      kind: input.kind,
    };
    assertSupervisionValid(session, this.clock.today());
    const confirmed = assertIdentifiersConfirmed([['notes', input.notes]], input.confirmNoIdentifiers);
    const decision = await this.access.decide(principal, input.superviseeId, 'RECORD_SUPERVISION', {
      on: input.date,
      supervisorUserId,
    });
    if (!decision.allowed) throw recordRefusal(decision.refusal, input.date);
    return this.dataSource.transaction(async (manager) => {
      const members = await this.facts.findMembers(
        principal.organisationId,
        { userIds: [supervisorUserId, input.superviseeId] },
        manager,
      );
      for (const [userId, field] of [
        [supervisorUserId, 'input.supervisorId'],
        [input.superviseeId, 'input.superviseeId'],
      ] as const) {
        if (!members.some((m) => m.userId === userId && m.active)) {
          throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation.', field);
        }
      }
      const saved = await this.supervisions.insert(
        {
          organisationId: principal.organisationId,
          supervisorUserId,
          superviseeUserId: input.superviseeId,
          heldOn: input.date,
          minutes: input.durationMinutes,
          kind: input.kind,
          notes: input.notes,
          recordedByUserId: principal.userId,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole:
            principal.userId === supervisorUserId
              ? actingRole(principal, ['SUPERVISOR', 'ASSESSOR', 'PRINCIPAL_SOCIAL_WORKER'])
              : actingRole(principal, ['PRACTITIONER']),
          action: 'SUPERVISION_RECORDED',
          entityType: 'SUPERVISION',
          entityId: saved.id,
          subjectUserId: input.superviseeId,
          // Never the notes: they are private to the two of them.
          changes: {
            date: input.date,
            minutes: input.durationMinutes,
            kind: input.kind,
            supervisorUserId,
            ...confirmedIdentifiers(confirmed),
          },
        },
        manager,
      );
      return toModel(saved, principal.userId);
    });
  }

  /** A supervisee's sessions, newest first, for those who may see them; notes only for the two people in each. */
  async list(principal: Principal, practitionerUserId?: string): Promise<Supervision[]> {
    const userId = practitionerUserId ?? principal.userId;
    await this.assertMayRead(principal, userId);
    const sessions = await this.supervisions.findForSupervisee(principal.organisationId, userId);
    return sessions.map((s) => toModel(s, principal.userId));
  }

  async status(principal: Principal, practitionerUserId?: string): Promise<SupervisionStatus> {
    const userId = practitionerUserId ?? principal.userId;
    await this.assertMayRead(principal, userId);
    const [status] = await this.statuses(principal.organisationId, this.clock.today(), [userId]);
    if (!status) throw denied();
    return status;
  }

  /** Overdue supervision: of the people the caller supervises, or of the whole organisation. */
  async overdue(principal: Principal, scope: OverdueScope): Promise<SupervisionStatus[]> {
    if (scope === 'ORGANISATION' && !hasAnyRole(principal, ORGANISATION_VIEW)) {
      throw new DomainError(
        'ROLE_REQUIRED',
        'Only PSWs and administrators see the whole organisation.',
        'scope',
      );
    }
    const all = await this.statuses(principal.organisationId, this.clock.today());
    return all
      .filter((s) => s.overdue && (scope === 'ORGANISATION' || s.supervisorUserId === principal.userId))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.superviseeUserId < b.superviseeUserId ? -1 : 1));
  }

  /**
   * Supervision status of an organisation's practitioners on `today` (all active ones, or the given
   * people): one statement per kind of fact, whatever their number. Shared with the reminder scan.
   */
  async statuses(
    organisationId: string,
    today: string,
    userIds?: readonly string[],
  ): Promise<SupervisionStatus[]> {
    const [members, sessions, programmes, spells, assigned, policies] = await Promise.all([
      this.facts.findMembers(organisationId, userIds ? { userIds } : { role: 'PRACTITIONER' }),
      this.supervisions.findSessionFacts(organisationId, userIds),
      this.programmes.findForOrganisation(organisationId, true),
      this.stages.findLevelledSpellsOfAsyePractitioners(organisationId, userIds),
      this.facts.findSupervisorRelationships(organisationId, today),
      this.policies.forOrganisation(organisationId),
    ]);
    // Each person's facts looked up by id, not searched for: the organisation-wide scan stays linear
    // in members plus sessions (2,000 people with 35,000 sessions took seconds when searched).
    const sessionsOf = groupBy(sessions, (s) => s.superviseeUserId);
    const programmesOf = groupBy(programmes, (p) => p.practitionerUserId);
    const spellsOf = groupBy(spells, (s) => s.userId);
    const supervisorOf = firstBy(assigned, (a) => a.superviseeUserId);
    return members
      .filter((m) => m.active || userIds)
      .map((m) =>
        statusOf(
          m,
          sessionsOf.get(m.userId) ?? [],
          nqswPeriodOf({
            programmes: programmesOf.get(m.userId) ?? [],
            stages: spellsOf.get(m.userId) ?? [],
          }),
          supervisorOf.get(m.userId)?.supervisorUserId ?? null,
          today,
          policies.supervision,
        ),
      );
  }

  /**
   * Turns a supervision the caller received into a SUPERVISION_REFLECTION draft in their portfolio,
   * once: the evidence, its first version, the link from the supervision and both audit records are
   * written in one transaction. The private notes are not copied; the practitioner writes what the
   * portfolio should say.
   */
  async createEvidence(
    principal: Principal,
    input: CreateEvidenceFromSupervisionInput,
  ): Promise<EvidenceVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const supervision = await this.supervisions.lock(
        principal.organisationId,
        input.supervisionId,
        manager,
      );
      if (!supervision || supervision.superviseeUserId !== principal.userId) {
        throw new DomainError(
          'SUPERVISION_NOT_FOUND',
          'No supervision you received with this id.',
          'input.supervisionId',
        );
      }
      if (supervision.reflectionEvidenceId !== null) {
        throw new DomainError(
          'SUPERVISION_REFLECTION_EXISTS',
          'A reflection on this supervision is already in your portfolio.',
          'input.supervisionId',
          { evidenceId: supervision.reflectionEvidenceId },
        );
      }
      const version = await this.portfolio.createDraft(
        principal,
        {
          content: {
            kind: 'SUPERVISION_REFLECTION',
            cpdActivityType: null,
            title:
              input.title?.trim() ||
              `${KIND_LABEL[supervision.kind]} supervision on ${supervision.heldOn}`.slice(0, 200),
            dateFrom: supervision.heldOn,
            dateTo: null,
            hours: decimalHoursFromMinutes(supervision.minutes),
            description:
              input.description ||
              `${KIND_LABEL[supervision.kind]} supervision of ${supervision.minutes} minutes on ${supervision.heldOn}.`,
            learning: input.learning,
            impact: input.impact,
            peerReflection: null,
            peerRole: null,
            peerDiscussedOn: null,
          },
          mappings: [],
          confirmNoIdentifiers: input.confirmNoIdentifiers,
          audit: { fromSupervisionId: supervision.id },
        },
        manager,
      );
      await this.supervisions.setReflectionEvidence(
        principal.organisationId,
        supervision.id,
        version.evidenceId,
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['PRACTITIONER']),
          subjectUserId: principal.userId,
          action: 'SUPERVISION_REFLECTION_CREATED',
          entityType: 'SUPERVISION',
          entityId: supervision.id,
          changes: { evidenceId: version.evidenceId },
        },
        manager,
      );
      return version;
    });
  }

  /**
   * The supervisee, anyone assigned to review or supervise them today, and PSWs may see someone's
   * supervision record (never the notes, unless they were in the session). Having been named on a
   * session grants nothing: anyone can name anyone, so only the policy's dated assignments count.
   */
  private async assertMayRead(principal: Principal, userId: string) {
    if (!(await this.access.find(principal, userId, 'READ_SUPERVISION'))) throw denied();
  }
}

/** The policy's refusal to record a session, as the error the caller sees. */
function recordRefusal(refusal: AccessRefusal, date: string): DomainError {
  switch (refusal) {
    case 'NOT_IN_ORGANISATION':
      return new DomainError('USER_NOT_FOUND', 'No such member in your organisation.', 'input.superviseeId');
    case 'NOT_ASSIGNED':
    case 'ASSIGNMENT_NOT_IN_FORCE':
      return new DomainError(
        'SUPERVISOR_NOT_ASSIGNED',
        `The supervisor was not assigned to supervise this person on ${date}: an administrator records the assignment (an assessor relationship in the SUPERVISOR capacity).`,
        refusal === 'NOT_ASSIGNED' ? 'input.supervisorId' : 'input.date',
      );
    default:
      return new DomainError(
        'ACCESS_DENIED',
        'You may record only supervision you gave or received, with a supervisor assigned to the supervisee.',
        'input.superviseeId',
      );
  }
}

function denied(): DomainError {
  return new DomainError(
    'ACCESS_DENIED',
    'You may see only your own supervision, or that of someone you supervise.',
    'practitionerUserId',
  );
}

function toModel(s: SupervisionEntity, viewerUserId: string): Supervision {
  const party = viewerUserId === s.supervisorUserId || viewerUserId === s.superviseeUserId;
  return {
    id: s.id,
    supervisorUserId: s.supervisorUserId,
    superviseeUserId: s.superviseeUserId,
    date: s.heldOn,
    durationMinutes: s.minutes,
    kind: s.kind,
    notes: party ? s.notes : null,
    reflectionEvidenceId: party ? s.reflectionEvidenceId : null,
  };
}

/** The first item for each key, as `Array.prototype.find` would give it. */
function firstBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const group = map.get(key(item));
    if (group) group.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/**
 * One person's status from their own sessions, their time as an NQSW and their assigned supervisor.
 * After the NQSW period ends the frequency for everyone else applies, counted from the same last
 * session: a promotion does not restart the clock.
 */
function statusOf(
  member: MemberFacts,
  own: readonly SupervisionSessionFacts[],
  nqswPeriod: NqswPeriod | null,
  assignedSupervisorUserId: string | null,
  today: string,
  policy: SupervisionPolicy,
): SupervisionStatus {
  const summary = summariseSupervision(
    {
      nqswStartedOn: nqswPeriod?.startedOn ?? null,
      nqswEndedOn: nqswPeriod?.endedOn ?? null,
      inPostSince: londonDateOf(member.memberSince),
      sessions: own.map((s) => ({ date: s.heldOn, minutes: s.minutes, kind: s.kind })),
    },
    today,
    policy,
  );
  const latest = [...own].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0))[0];
  return {
    superviseeUserId: member.userId,
    supervisorUserId: assignedSupervisorUserId ?? latest?.supervisorUserId ?? null,
    nqsw: nqswPeriod !== null && (nqswPeriod.endedOn === null || nqswPeriod.endedOn > today),
    lastQualifyingOn: summary.lastQualifyingOn,
    nextDueOn: summary.nextDueOn,
    every: { ...summary.everyNow },
    overdue: summary.overdue,
    daysOverdue: summary.daysOverdue,
    dueSoon: summary.dueSoon,
    qualifyingSessions: summary.qualifyingSessions,
    sessionsUnderMinimum: summary.sessionsUnderMinimum,
  };
}
