import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertAsyePauseAllowed,
  assertIdentifiersConfirmed,
  assertCanConfirmAsyeOutcome,
  assertCanRecommendAsyeOutcome,
  assertCanRecordAsyeSecondOpinion,
  assertCanRequestAsyeSecondOpinion,
  assertCanStartAsye,
  assertReviewPointRecordable,
  DomainError,
  type AsyePolicy,
  type AuditAction,
} from '#app/domain';
import {
  AsyeProgrammeRepository,
  AuditEventRepository,
  ComplianceFactsRepository,
  QualificationRepository,
  type AsyeProgrammeEntity,
  type AsyeProgrammeRecord,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { confirmedIdentifiers } from '../../common/confirmed-identifiers.js';
import { registrationStartOf } from '../compliance/cpd-facts.mapper.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { OrganisationPolicyService } from '../compliance/organisation-policy.service.js';
import type { ConfirmAsyeOutcomeInput } from './dto/confirm-asye-outcome.input.js';
import type { PauseAsyeInput } from './dto/pause-asye.input.js';
import type { RecommendAsyeOutcomeInput } from './dto/recommend-asye-outcome.input.js';
import type { RecordAsyeReviewPointInput } from './dto/record-asye-review-point.input.js';
import type { RecordAsyeSecondOpinionInput } from './dto/record-asye-second-opinion.input.js';
import type { RecordProtectedTimeInput } from './dto/record-protected-time.input.js';
import type { RequestAsyeSecondOpinionInput } from './dto/request-asye-second-opinion.input.js';
import type { ResumeAsyeInput } from './dto/resume-asye.input.js';
import type { StartAsyeInput } from './dto/start-asye.input.js';
import { ANY_PART, describePart, MANAGES, partsOf, type Part } from './asye-parts.js';
import { factsOf, pausesOf, summarise } from './asye-programme.mapper.js';
import { AsyeQueryService } from './asye-query.service.js';
import type { AsyeProgramme } from './models/asye.model.js';

/**
 * The ASYE year (reference §5.1, §10 rule 7): start, pauses, review points, protected time, the
 * assessor's recommendation, a second opinion on it when asked for, and its confirmation, which
 * reconciles the two when they differ and records ASYE completion as a qualification.
 * Each command runs in one transaction with its audit record, holding the programme's row lock.
 * Reads are in AsyeQueryService; the mapping of rows to facts and models in asye-programme.mapper.ts.
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
    private readonly access: AccessPolicyService,
    private readonly query: AsyeQueryService,
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
      return this.query.view(organisationId, programme, manager);
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

  /**
   * A PSW or administrator names a second assessor for the recommendation: someone the access
   * policy lets give a second opinion on this NQSW (GIVE_ASYE_SECOND_OPINION), and neither the
   * NQSW nor the assessor (assertCanRequestAsyeSecondOpinion).
   */
  requestSecondOpinion(principal: Principal, input: RequestAsyeSecondOpinionInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['MANAGER'], async (ctx) => {
      const { programme } = ctx.record;
      const { organisationId } = principal;
      assertCanRequestAsyeSecondOpinion(factsOf(ctx.record, []), input.secondAssessorId);
      const [member] = await this.facts.findMembers(
        organisationId,
        { userIds: [input.secondAssessorId] },
        ctx.manager,
      );
      if (!member?.active) {
        throw new DomainError(
          'USER_NOT_FOUND',
          'No such member in your organisation.',
          'input.secondAssessorId',
        );
      }
      const decision = await this.access.decideForMember(
        organisationId,
        member,
        programme.practitionerUserId,
        'GIVE_ASYE_SECOND_OPINION',
        { manager: ctx.manager },
      );
      if (!decision.allowed) {
        throw new DomainError(
          'ASSESSOR_LACKS_ROLE',
          'The second assessor must hold the ASSESSOR role or be a PSW.',
          'input.secondAssessorId',
        );
      }
      const today = this.clock.today();
      await this.programmes.update(
        organisationId,
        programme.id,
        {
          secondAssessorUserId: member.userId,
          secondOpinionRequestedOn: today,
          secondOpinionRequestedByUserId: principal.userId,
        },
        ctx.manager,
      );
      return {
        action: 'ASYE_SECOND_OPINION_REQUESTED',
        changes: { secondAssessorUserId: member.userId, requestedOn: today },
      };
    });
  }

  /**
   * The second assessor named records their own judgement beside the recommendation. Anyone with
   * a part in the ASYE is told why they may not; the policy is asked again in case the second
   * assessor's roles changed since they were named.
   */
  recordSecondOpinion(principal: Principal, input: RecordAsyeSecondOpinionInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ANY_PART, async (ctx) => {
      const { programme } = ctx.record;
      const today = this.clock.today();
      const evidence = await this.facts.findApprovedEvidence(
        principal.organisationId,
        [programme.practitionerUserId],
        ctx.manager,
      );
      const summary = summarise(ctx.record, evidence, today, ctx.policy);
      assertCanRecordAsyeSecondOpinion(
        factsOf(ctx.record, evidence),
        principal.userId,
        input.outcome,
        summary.passBlockers,
      );
      const confirmed = assertIdentifiersConfirmed([['reasons', input.reasons]], input.confirmNoIdentifiers);
      await this.access.require(
        principal,
        programme.practitionerUserId,
        'GIVE_ASYE_SECOND_OPINION',
        {
          field: 'input.programmeId',
          message: 'A second opinion needs the ASSESSOR role or a PSW’s, which you no longer hold.',
        },
        { manager: ctx.manager },
      );
      await this.programmes.update(
        principal.organisationId,
        programme.id,
        {
          secondOpinionOutcome: input.outcome,
          secondOpinionReasons: input.reasons.trim(),
          secondOpinionRecordedOn: today,
        },
        ctx.manager,
      );
      return {
        action: 'ASYE_SECOND_OPINION_RECORDED',
        changes: {
          outcome: input.outcome,
          recommendedOutcome: programme.recommendedOutcome,
          agrees: input.outcome === programme.recommendedOutcome,
          recordedOn: today,
          ...confirmedIdentifiers(confirmed),
        },
      };
    });
  }

  /**
   * The PSW, or an administrator for the panel, confirms the outcome. When a second opinion differs
   * from the recommendation this is the reconciliation: the outcome chosen and the reason are
   * required, and the audit records ASYE_OUTCOME_RECONCILED with both judgements.
   */
  confirm(principal: Principal, input: ConfirmAsyeOutcomeInput): Promise<AsyeProgramme> {
    return this.change(principal, input.programmeId, ['MANAGER'], async (ctx) => {
      const confirmed = assertIdentifiersConfirmed([['comment', input.comment]], input.confirmNoIdentifiers);
      const { programme } = ctx.record;
      const today = this.clock.today();
      const decision = assertCanConfirmAsyeOutcome(factsOf(ctx.record, []), principal.userId, {
        outcome: input.outcome ?? null,
        reason: input.comment ?? null,
      });
      const confirmedAs =
        input.forPanel || !principal.roles.includes('PRINCIPAL_SOCIAL_WORKER')
          ? 'PANEL'
          : 'PRINCIPAL_SOCIAL_WORKER';
      let completionQualificationId: string | null = null;
      if (decision.outcome === 'PASS') {
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
          reconciledOutcome: decision.reconciled ? decision.outcome : null,
          completionQualificationId,
        },
        ctx.manager,
      );
      return {
        action: decision.reconciled ? 'ASYE_OUTCOME_RECONCILED' : 'ASYE_OUTCOME_CONFIRMED',
        changes: {
          outcome: decision.outcome,
          ...(decision.reconciled && {
            recommendedOutcome: programme.recommendedOutcome,
            secondOpinionOutcome: programme.secondOpinionOutcome,
            secondAssessorUserId: programme.secondAssessorUserId,
          }),
          confirmedOn: today,
          ...confirmedIdentifiers(confirmed),
          confirmedAs,
          completionQualificationId,
        },
      };
    });
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
    }) => Promise<{ action: AuditAction; changes: Record<string, unknown> }>,
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
      return this.query.view(principal.organisationId, updated, manager);
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
    action: AuditAction,
    programme: AsyeProgrammeEntity,
    manager: EntityManager,
    changes: Record<string, unknown>,
  ) {
    return this.audit.recordAudit(
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

function assertNoRecommendation(programme: AsyeProgrammeEntity): void {
  if (programme.recommendedOutcome !== null) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_RECORDED',
      'The final recommendation has been made; the year is over.',
      'input.programmeId',
    );
  }
}
