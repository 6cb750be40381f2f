import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertAsyePauseAllowed,
  assertIdentifiersConfirmed,
  assertCanConfirmAsyeOutcome,
  assertCanRecommendAsyeOutcome,
  assertCanStartAsye,
  assertReviewPointRecordable,
  DomainError,
  summariseAsyeProgress,
  type AsyeOutcome,
  type AsyePolicy,
  type AsyeProgrammeFacts,
  type AsyeProgressSummary,
} from '#app/domain';
import {
  AsyeProgrammeRepository,
  AuditEventRepository,
  ComplianceFactsRepository,
  QualificationRepository,
  type ApprovedEvidenceFacts,
  type AsyeProgrammeEntity,
  type AsyeProgrammeRecord,
} from '#app/persistence';
import { actingRole, hasAnyRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { confirmedIdentifiers } from '../../common/confirmed-identifiers.js';
import { registrationStartOf } from '../compliance/cpd-facts.mapper.js';
import { OrganisationPolicyService } from '../compliance/organisation-policy.service.js';
import type {
  ConfirmAsyeOutcomeInput,
  PauseAsyeInput,
  RecommendAsyeOutcomeInput,
  RecordAsyeReviewPointInput,
  RecordProtectedTimeInput,
  ResumeAsyeInput,
  StartAsyeInput,
} from './dto/asye.inputs.js';
import type { AsyeProgramme, AsyeStatus } from './models/asye.model.js';

const MANAGES = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

/** What someone may do with one ASYE, decided from their place in it and their roles. */
type Part = 'NQSW' | 'ASSESSOR' | 'LINE_MANAGER' | 'MANAGER';

/**
 * The ASYE year (reference §5.1, §10 rule 7): start, pauses, review points, protected time, the
 * assessor's recommendation and its confirmation, which records ASYE completion as a qualification.
 * Each command runs in one transaction with its audit record, holding the programme's row lock.
 */
@Injectable()
export class AsyeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programmes: AsyeProgrammeRepository,
    private readonly facts: ComplianceFactsRepository,
    private readonly qualifications: QualificationRepository,
    private readonly audit: AuditEventRepository,
    private readonly policies: OrganisationPolicyService,
    private readonly clock: Clock,
  ) {}

  async start(principal: Principal, input: StartAsyeInput): Promise<AsyeProgramme> {
    const { organisationId } = principal;
    return this.dataSource.transaction(async (manager) => {
      const policy = (await this.policies.forOrganisation(organisationId, manager)).asye;
      const members = await this.facts.findMembers(
        organisationId,
        { userIds: [input.practitionerId, input.assessorId, input.lineManagerId] },
        manager,
      );
      const member = (userId: string, field: string) => {
        const found = members.find((m) => m.userId === userId && m.active);
        if (!found) throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation.', field);
        return found;
      };
      const nqsw = member(input.practitionerId, 'input.practitionerId');
      const assessor = member(input.assessorId, 'input.assessorId');
      member(input.lineManagerId, 'input.lineManagerId');
      assertCanStartAsye(
        {
          practitionerUserId: nqsw.userId,
          assessorUserId: assessor.userId,
          startDate: input.startDate,
          qualifiedOn: nqsw.dateQualified,
          registration:
            nqsw.regulator && nqsw.registrationNumber
              ? {
                  regulator: nqsw.regulator,
                  number: nqsw.registrationNumber,
                  registeredFrom: registrationStartOf(nqsw),
                  registeredUntil: null,
                }
              : null,
          hasOpenProgramme: await this.programmes.hasOpen(organisationId, nqsw.userId, manager),
        },
        policy,
      );
      if (!assessor.roles.includes('ASSESSOR')) {
        throw new DomainError(
          'ASSESSOR_LACKS_ROLE',
          'The assessor must hold the ASSESSOR role.',
          'input.assessorId',
        );
      }
      const programme = await this.programmes.insert(
        {
          organisationId,
          practitionerUserId: nqsw.userId,
          assessorUserId: assessor.userId,
          lineManagerUserId: input.lineManagerId,
          startDate: input.startDate,
          contractedHoursPerWeek: input.contractedHoursPerWeek.toFixed(1),
          protectedTimePercent: policy.protectedTimePercent,
          createdByUserId: principal.userId,
        },
        manager,
      );
      await this.log(principal, MANAGES, 'ASYE_STARTED', programme, manager, {
        startDate: input.startDate,
        assessorUserId: input.assessorId,
        lineManagerUserId: input.lineManagerId,
        protectedTimePercent: policy.protectedTimePercent,
      });
      return this.viewIn(organisationId, programme, manager);
    });
  }

  pause(principal: Principal, input: PauseAsyeInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['LINE_MANAGER', 'ASSESSOR', 'MANAGER'], async (ctx) => {
      assertNoRecommendation(ctx.record.programme);
      assertAsyePauseAllowed(
        { startsOn: input.startsOn, endsOn: input.endsOn ?? null, reason: input.reason },
        pausesOf(ctx.record),
        ctx.record.programme.startDate,
        ctx.policy,
      );
      const pause = await this.programmes.insertPause(
        {
          organisationId: principal.organisationId,
          programmeId: ctx.record.programme.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
          reason: input.reason,
          recordedByUserId: principal.userId,
        },
        ctx.manager,
      );
      return {
        action: 'ASYE_PAUSED',
        changes: {
          pauseId: pause.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
          reason: input.reason,
        },
      };
    });
  }

  resume(principal: Principal, input: ResumeAsyeInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['LINE_MANAGER', 'ASSESSOR', 'MANAGER'], async (ctx) => {
      const open = ctx.record.pauses.find((p) => p.endsOn === null);
      if (!open) {
        throw new DomainError('ASYE_NOT_PAUSED', 'This ASYE has no open pause to end.', 'input.programmeId');
      }
      assertAsyePauseAllowed(
        { pauseId: open.id, startsOn: open.startsOn, endsOn: input.endsOn, reason: open.reason },
        pausesOf(ctx.record),
        ctx.record.programme.startDate,
        ctx.policy,
      );
      await this.programmes.endPause(principal.organisationId, open.id, input.endsOn, ctx.manager);
      return { action: 'ASYE_RESUMED', changes: { pauseId: open.id, endsOn: input.endsOn } };
    });
  }

  recordReviewPoint(principal: Principal, input: RecordAsyeReviewPointInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['ASSESSOR'], async (ctx) => {
      const confirmed = assertIdentifiersConfirmed(
        [['assessorComments', input.assessorComments]],
        input.confirmNoIdentifiers,
      );
      const { programme } = ctx.record;
      this.assertDay(input.heldOn, programme.startDate, 'input.heldOn');
      assertReviewPointRecordable(
        { code: input.code, heldOn: input.heldOn },
        ctx.record.reviews.map((r) => ({
          code: r.code,
          heldOn: r.heldOn,
          assessorComments: r.assessorComments,
        })),
        ctx.policy,
      );
      await this.programmes.insertReviewPoint(
        {
          organisationId: principal.organisationId,
          programmeId: programme.id,
          code: input.code,
          heldOn: input.heldOn,
          assessorComments: input.assessorComments.trim(),
          recordedByUserId: principal.userId,
        },
        ctx.manager,
      );
      return {
        action: 'ASYE_REVIEW_POINT_RECORDED',
        changes: { code: input.code, heldOn: input.heldOn, ...confirmedIdentifiers(confirmed) },
      };
    });
  }

  recordProtectedTime(principal: Principal, input: RecordProtectedTimeInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['NQSW', 'LINE_MANAGER'], async (ctx) => {
      assertNoRecommendation(ctx.record.programme);
      this.assertDay(input.date, ctx.record.programme.startDate, 'input.date');
      await this.programmes.insertProtectedTime(
        {
          organisationId: principal.organisationId,
          programmeId: ctx.record.programme.id,
          date: input.date,
          minutes: input.minutes,
          recordedByUserId: principal.userId,
        },
        ctx.manager,
      );
      return {
        action: 'ASYE_PROTECTED_TIME_RECORDED',
        changes: { date: input.date, minutes: input.minutes },
      };
    });
  }

  recommend(principal: Principal, input: RecommendAsyeOutcomeInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['ASSESSOR'], async (ctx) => {
      const confirmed = assertIdentifiersConfirmed([['comment', input.comment]], input.confirmNoIdentifiers);
      const today = this.clock.today();
      const evidence = await this.facts.findApprovedEvidence(
        principal.organisationId,
        [ctx.record.programme.practitionerUserId],
        ctx.manager,
      );
      const summary = summarise(ctx.record, evidence, today, ctx.policy);
      assertCanRecommendAsyeOutcome(summary, input.outcome);
      await this.programmes.update(
        principal.organisationId,
        ctx.record.programme.id,
        {
          recommendedOutcome: input.outcome,
          recommendationComment: input.comment.trim(),
          recommendedOn: today,
          recommendedByUserId: principal.userId,
        },
        ctx.manager,
      );
      return {
        action: 'ASYE_OUTCOME_RECOMMENDED',
        changes: { outcome: input.outcome, recommendedOn: today, ...confirmedIdentifiers(confirmed) },
      };
    });
  }

  confirm(principal: Principal, input: ConfirmAsyeOutcomeInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['MANAGER'], async (ctx) => {
      const confirmed = assertIdentifiersConfirmed([['comment', input.comment]], input.confirmNoIdentifiers);
      const { programme } = ctx.record;
      const today = this.clock.today();
      const facts = factsOf(ctx.record, []);
      try {
        assertCanConfirmAsyeOutcome(facts, principal.userId);
      } catch (error) {
        if (error instanceof DomainError && !error.field) {
          throw new DomainError(error.code, error.message, 'input.programmeId', error.meta);
        }
        throw error;
      }
      const confirmedAs =
        input.forPanel || !principal.roles.includes('PRINCIPAL_SOCIAL_WORKER')
          ? 'PANEL'
          : 'PRINCIPAL_SOCIAL_WORKER';
      let completionQualificationId: string | null = null;
      if (programme.recommendedOutcome === 'PASS') {
        const qualification = await this.qualifications.insert(
          {
            organisationId: principal.organisationId,
            userId: programme.practitionerUserId,
            type: 'ASYE_COMPLETED',
            title: 'Assessed and Supported Year in Employment (ASYE) completed',
            awardedOn: today,
            expiresOn: null,
            credits: null,
            recordedByUserId: principal.userId,
          },
          ctx.manager,
        );
        await this.qualifications.verify(
          principal.organisationId,
          qualification.id,
          principal.userId,
          ctx.manager,
        );
        completionQualificationId = qualification.id;
      }
      await this.programmes.update(
        principal.organisationId,
        programme.id,
        {
          confirmedOn: today,
          confirmedByUserId: principal.userId,
          confirmedAs,
          confirmationComment: input.comment?.trim() || null,
          completionQualificationId,
        },
        ctx.manager,
      );
      return {
        action: 'ASYE_OUTCOME_CONFIRMED',
        changes: {
          outcome: programme.recommendedOutcome,
          confirmedOn: today,
          ...confirmedIdentifiers(confirmed),
          confirmedAs,
          completionQualificationId,
        },
      };
    });
  }

  /** The NQSW's current ASYE, for them, their assessor and line manager, PSWs and administrators. */
  async forPractitioner(principal: Principal, practitionerUserId?: string): Promise<AsyeProgramme> {
    const userId = practitionerUserId ?? principal.userId;
    const programme = await this.programmes.findCurrentForPractitioner(principal.organisationId, userId);
    if (!programme || partsOf(principal, programme).length === 0) {
      throw new DomainError(
        'ASYE_NOT_FOUND',
        'No ASYE you may see for this practitioner.',
        'practitionerUserId',
      );
    }
    return this.viewIn(principal.organisationId, programme);
  }

  /** Every ASYE of the organisation (PSWs and administrators): five statements whatever their number. */
  async cohort(principal: Principal, includeConfirmed: boolean): Promise<AsyeProgramme[]> {
    const programmes = await this.programmes.findForOrganisation(principal.organisationId, includeConfirmed);
    return (await this.summaries(principal.organisationId, programmes, this.clock.today())).map(toModel);
  }

  /** Progress of the given programmes of one organisation on `today`, loaded set-based (reminders use it too). */
  async summaries(
    organisationId: string,
    programmes: AsyeProgrammeEntity[],
    today: string,
    manager?: EntityManager,
  ): Promise<{ record: AsyeProgrammeRecord; summary: AsyeProgressSummary }[]> {
    if (programmes.length === 0) return [];
    // One after another: inside a transaction they share one connection, which runs one at a time.
    const policies = await this.policies.forOrganisation(organisationId, manager);
    const records = await this.programmes.withRecords(programmes, manager);
    const evidence = await this.facts.findApprovedEvidence(
      organisationId,
      [...new Set(programmes.map((p) => p.practitionerUserId))],
      manager,
    );
    return records.map((record) => ({
      record,
      summary: summarise(record, evidence, today, policies.asye),
    }));
  }

  private async viewIn(
    organisationId: string,
    programme: AsyeProgrammeEntity,
    manager?: EntityManager,
  ): Promise<AsyeProgramme> {
    const [view] = await this.summaries(organisationId, [programme], this.clock.today(), manager);
    return toModel(view!);
  }

  /**
   * Runs one command on a programme: locks it, checks the caller's part in it (someone with none is
   * told it does not exist), refuses changes to a confirmed ASYE, then audits and returns the new state.
   */
  private async change(
    principal: Principal,
    programmeId: string,
    allowed: readonly Part[],
    work: (ctx: {
      record: AsyeProgrammeRecord;
      policy: AsyePolicy;
      manager: EntityManager;
    }) => Promise<{ action: string; changes: Record<string, unknown> }>,
  ): Promise<AsyeProgramme> {
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.programmes.lock(principal.organisationId, programmeId, manager);
      const parts = programme ? partsOf(principal, programme) : [];
      if (!programme || parts.length === 0) {
        throw new DomainError('ASYE_NOT_FOUND', 'No such ASYE in your organisation.', 'input.programmeId');
      }
      if (!parts.some((p) => allowed.includes(p))) {
        throw new DomainError(
          'ACCESS_DENIED',
          `Only the ${allowed.map(describePart).join(' or ')} may do this.`,
          'input.programmeId',
        );
      }
      if (programme.confirmedOn !== null) {
        throw new DomainError(
          'ASYE_OUTCOME_CONFIRMED',
          `This ASYE’s outcome was confirmed on ${programme.confirmedOn}.`,
          'input.programmeId',
        );
      }
      const [record] = await this.programmes.withRecords([programme], manager);
      const policy = {
        ...(await this.policies.forOrganisation(principal.organisationId, manager)).asye,
        protectedTimePercent: programme.protectedTimePercent,
      };
      const { action, changes } = await work({ record: record!, policy, manager });
      const roles = parts.includes('MANAGER')
        ? MANAGES
        : (['ASSESSOR', 'SUPERVISOR', 'PRACTITIONER'] as const);
      await this.log(principal, roles, action, programme, manager, changes);
      const updated = (await this.programmes.lock(principal.organisationId, programme.id, manager))!;
      return this.viewIn(principal.organisationId, updated, manager);
    });
  }

  private assertDay(day: string, startDate: string, field: string): void {
    if (day > this.clock.today()) {
      throw new DomainError('INVALID_DATE_RANGE', `${day} is in the future.`, field);
    }
    if (day < startDate) {
      throw new DomainError('INVALID_DATE_RANGE', `${day} is before the ASYE started (${startDate}).`, field);
    }
  }

  private log(
    principal: Principal,
    roles: readonly Principal['roles'][number][],
    action: string,
    programme: AsyeProgrammeEntity,
    manager: EntityManager,
    changes: Record<string, unknown>,
  ) {
    return this.audit.append(
      {
        organisationId: principal.organisationId,
        actorUserId: principal.userId,
        actorRole: actingRole(principal, roles),
        action,
        entityType: 'ASYE_PROGRAMME',
        entityId: programme.id,
        subjectUserId: programme.practitionerUserId,
        changes,
      },
      manager,
    );
  }
}

function partsOf(principal: Principal, programme: AsyeProgrammeEntity): Part[] {
  const parts: Part[] = [];
  if (programme.practitionerUserId === principal.userId) parts.push('NQSW');
  if (programme.assessorUserId === principal.userId) parts.push('ASSESSOR');
  if (programme.lineManagerUserId === principal.userId) parts.push('LINE_MANAGER');
  if (hasAnyRole(principal, MANAGES)) parts.push('MANAGER');
  return parts;
}

function describePart(part: Part): string {
  return {
    NQSW: 'NQSW',
    ASSESSOR: 'assessor',
    LINE_MANAGER: 'line manager',
    MANAGER: 'PSW or an administrator',
  }[part];
}

function assertNoRecommendation(programme: AsyeProgrammeEntity): void {
  if (programme.recommendedOutcome !== null) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_RECORDED',
      'The final recommendation has been made; the year is over.',
      'input.programmeId',
    );
  }
}

function pausesOf(record: AsyeProgrammeRecord) {
  return record.pauses.map((p) => ({
    pauseId: p.id,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    reason: p.reason,
  }));
}

function factsOf(
  record: AsyeProgrammeRecord,
  evidence: readonly ApprovedEvidenceFacts[],
): AsyeProgrammeFacts {
  const p = record.programme;
  return {
    practitionerUserId: p.practitionerUserId,
    assessorUserId: p.assessorUserId,
    lineManagerUserId: p.lineManagerUserId,
    startDate: p.startDate,
    contractedHoursPerWeek: Number(p.contractedHoursPerWeek),
    pauses: pausesOf(record),
    reviews: record.reviews.map((r) => ({
      code: r.code,
      heldOn: r.heldOn,
      assessorComments: r.assessorComments,
    })),
    evidence: evidence.filter((e) => e.ownerUserId === p.practitionerUserId),
    protectedTime: record.protectedTime.map((t) => ({ date: t.date, minutes: t.minutes })),
    recommendation:
      p.recommendedOutcome === null
        ? null
        : {
            outcome: p.recommendedOutcome as AsyeOutcome,
            recommendedOn: p.recommendedOn!,
            assessorUserId: p.recommendedByUserId!,
          },
    confirmation:
      p.confirmedOn === null ? null : { confirmedOn: p.confirmedOn, confirmedByUserId: p.confirmedByUserId! },
  };
}

function summarise(
  record: AsyeProgrammeRecord,
  evidence: readonly ApprovedEvidenceFacts[],
  today: string,
  policy: AsyePolicy,
): AsyeProgressSummary {
  return summariseAsyeProgress(factsOf(record, evidence), today, {
    ...policy,
    protectedTimePercent: record.programme.protectedTimePercent,
  });
}

function toModel({
  record,
  summary,
}: {
  record: AsyeProgrammeRecord;
  summary: AsyeProgressSummary;
}): AsyeProgramme {
  const p = record.programme;
  const status: AsyeStatus =
    p.confirmedOn !== null
      ? p.recommendedOutcome === 'PASS'
        ? 'PASSED'
        : 'FAILED'
      : p.recommendedOutcome !== null
        ? 'AWAITING_CONFIRMATION'
        : summary.pausedToday
          ? 'PAUSED'
          : 'IN_PROGRESS';
  return {
    id: p.id,
    practitionerUserId: p.practitionerUserId,
    assessorUserId: p.assessorUserId,
    lineManagerUserId: p.lineManagerUserId,
    startDate: p.startDate,
    endsOn: summary.endsOn,
    status,
    contractedHoursPerWeek: Number(p.contractedHoursPerWeek),
    pausedToday: summary.pausedToday,
    pausedDays: summary.pausedDays,
    pauses: record.pauses.map((x) => ({
      id: x.id,
      startsOn: x.startsOn,
      endsOn: x.endsOn,
      reason: x.reason,
    })),
    reviewPoints: summary.reviewPoints.map((r) => ({
      code: r.code,
      monthsAfterStart: r.monthsAfterStart,
      dueOn: r.dueOn,
      heldOn: r.heldOn,
      status: r.status,
      assessorComments: record.reviews.find((x) => x.code === r.code)?.assessorComments ?? null,
    })),
    evidence: summary.evidence,
    criticalReflections: summary.criticalReflections,
    evidenceComplete: summary.evidenceComplete,
    protectedTime: summary.protectedTime,
    recommendation:
      p.recommendedOutcome === null
        ? null
        : {
            outcome: p.recommendedOutcome as AsyeOutcome,
            comment: p.recommendationComment ?? '',
            recommendedOn: p.recommendedOn!,
            recommendedByUserId: p.recommendedByUserId!,
          },
    confirmation:
      p.confirmedOn === null
        ? null
        : {
            confirmedOn: p.confirmedOn,
            confirmedByUserId: p.confirmedByUserId!,
            confirmedAs: p.confirmedAs!,
            comment: p.confirmationComment,
          },
    canMakeFinalRecommendation: summary.canMakeFinalRecommendation,
    canRecommendPass: summary.canRecommendPass,
    recommendationBlockers: summary.recommendationBlockers,
    passBlockers: summary.passBlockers,
    completionQualificationId: p.completionQualificationId,
  };
}
