import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertIdentifiersConfirmed,
  decideApplication,
  DomainError,
  planStageMove,
  type ApplicationDecision,
  type AuditAction,
  type StageDecision,
} from '#app/domain';
import {
  AuditEventRepository,
  MembershipRepository,
  PathwayRepository,
  PractitionerStageRepository,
  ProgressionApplicationRepository,
  type PractitionerStageEntity,
  type ProgressionApplicationEntity,
} from '#app/persistence';
import { actingRole, hasAnyRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { confirmedIdentifiers } from '../../common/confirmed-identifiers.js';
import { oneByKey } from '../../graphql/group-by-key.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { ApplicationsArgs } from './dto/applications.args.js';
import type { StageHistoryArgs } from './dto/stage-history.args.js';
import type { ApplyForRouteInput } from './dto/apply-for-route.input.js';
import type { DecideProgressionApplicationInput } from './dto/decide-progression-application.input.js';
import type { PutForwardForRouteInput } from './dto/put-forward-for-route.input.js';
import type { RecordPractitionerStageInput } from './dto/record-practitioner-stage.input.js';
import type { WithdrawProgressionApplicationInput } from './dto/withdraw-progression-application.input.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { EligibilityService, toRouteModel } from './eligibility.service.js';

const DECIDERS = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;
const DECISION_ACTION = {
  APPROVE: 'APPLICATION_APPROVED',
  DEFER: 'APPLICATION_DEFERRED',
  DECLINE: 'APPLICATION_DECLINED',
} as const satisfies Record<ApplicationDecision, AuditAction>;

/** Applications for routes, the decisions on them, and the stage history they change. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ProgressionApplicationRepository,
    private readonly stages: PractitionerStageRepository,
    private readonly pathways: PathwayRepository,
    private readonly memberships: MembershipRepository,
    private readonly eligibility: EligibilityService,
    private readonly access: AccessPolicyService,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  apply(principal: Principal, input: ApplyForRouteInput): Promise<ProgressionApplicationEntity> {
    return this.open(principal, principal.userId, input, 'PRACTITIONER');
  }

  /** A PSW, or the practitioner's supervisor, puts them forward; they must be eligible all the same. */
  async putForward(
    principal: Principal,
    input: PutForwardForRouteInput,
  ): Promise<ProgressionApplicationEntity> {
    const decision = await this.access.decide(principal, input.practitionerUserId, 'PUT_FORWARD');
    if (!decision.allowed && decision.refusal === 'SELF_DECISION') {
      throw new DomainError(
        'SELF_DECISION',
        'Apply for the route yourself instead.',
        'input.practitionerUserId',
      );
    }
    if (!decision.allowed) {
      throw new DomainError(
        'ACCESS_DENIED',
        'Only a PSW or the practitioner’s supervisor can put them forward.',
        'input.practitionerUserId',
      );
    }
    return this.open(
      principal,
      input.practitionerUserId,
      input,
      decision.basis === 'ORGANISATION_ROLE' ? 'PRINCIPAL_SOCIAL_WORKER' : 'SUPERVISOR',
    );
  }

  private async open(
    principal: Principal,
    userId: string,
    input: ApplyForRouteInput,
    role: string,
  ): Promise<ProgressionApplicationEntity> {
    const confirmed = assertIdentifiersConfirmed(
      [['statement', input.statement]],
      input.confirmNoIdentifiers,
    );
    const version = await this.eligibility.publishedVersion(principal, input.pathwayId);
    const [evaluated] = await this.eligibility.evaluate(principal.organisationId, version, [userId]);
    if (!evaluated)
      throw new DomainError(
        'USER_NOT_FOUND',
        'This person is not a practitioner here.',
        'input.practitionerUserId',
      );
    const route = evaluated.result.routes.find((r) => r.routeKey === input.routeKey);
    if (!route?.eligible) {
      throw new DomainError(
        'NOT_ELIGIBLE',
        route
          ? 'Not eligible for this route yet: see what is missing in the eligibility.'
          : 'This route is not open from the current stage.',
        'input.routeKey',
        { closeness: route?.closeness ?? 0 },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      if (
        await this.applications.findOpen(
          principal.organisationId,
          userId,
          version.id,
          input.routeKey,
          manager,
        )
      ) {
        throw new DomainError(
          'APPLICATION_ALREADY_OPEN',
          'There is already an open application for this route.',
          'input.routeKey',
        );
      }
      const application = await this.applications.insert(
        {
          organisationId: principal.organisationId,
          userId,
          pathwayVersionId: version.id,
          routeKey: input.routeKey,
          submittedByUserId: principal.userId,
          submittedAt: this.clock.now(),
          // As shown to the applicant (with the gaps in words), so the snapshot reads back whole.
          eligibilitySnapshot: toRouteModel(version.design, route),
          evidenceIds: evaluated.person.facts.approvedEvidence.map((e) => e.evidenceId).sort(),
          statement: input.statement ?? null,
        },
        manager,
      );
      await this.record(
        principal,
        role,
        'APPLICATION_OPENED',
        application,
        {
          routeKey: input.routeKey,
          evidence: application.evidenceIds.length,
          ...confirmedIdentifiers(confirmed),
        },
        manager,
      );
      return application;
    });
  }

  async decide(
    principal: Principal,
    input: DecideProgressionApplicationInput,
  ): Promise<ProgressionApplicationEntity> {
    const confirmed = assertIdentifiersConfirmed([['reasons', input.reasons]], input.confirmNoIdentifiers);
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(
        principal.organisationId,
        input.applicationId,
        manager,
      );
      if (!application)
        throw new DomainError('APPLICATION_NOT_FOUND', 'No such application.', 'input.applicationId');
      const status = decideApplication({
        status: application.status,
        applicantUserId: application.userId,
        deciderUserId: principal.userId,
        decision: input.decision,
        reasons: input.reasons ?? null,
      });
      const decidedAt = this.clock.now();
      await this.applications.decide(
        principal.organisationId,
        application.id,
        { status, decidedByUserId: principal.userId, decidedAt, decisionReasons: input.reasons ?? null },
        manager,
      );
      if (status === 'APPROVED') {
        const version = (await this.pathways.findVersion(
          principal.organisationId,
          application.pathwayVersionId,
          manager,
        ))!;
        const route = version.design.routes.find((r) => r.key === application.routeKey)!;
        await this.moveStage(
          principal,
          {
            userId: application.userId,
            pathwayId: version.pathwayId,
            stageKey: route.toStageKey,
            leaving: [route.fromStageKey],
          },
          this.clock.today(),
          route.mechanism,
          application.id,
          manager,
        );
      }
      await this.record(
        principal,
        actingRole(principal, DECIDERS),
        DECISION_ACTION[input.decision],
        application,
        { routeKey: application.routeKey, ...confirmedIdentifiers(confirmed) },
        manager,
      );
      return {
        ...application,
        status,
        decidedByUserId: principal.userId,
        decidedAt,
        decisionReasons: input.reasons ?? null,
      };
    });
  }

  async withdraw(
    principal: Principal,
    input: WithdrawProgressionApplicationInput,
  ): Promise<ProgressionApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(
        principal.organisationId,
        input.applicationId,
        manager,
      );
      if (!application || application.userId !== principal.userId) {
        throw new DomainError(
          'APPLICATION_NOT_FOUND',
          'No such application of yours.',
          'input.applicationId',
        );
      }
      if (application.status !== 'OPEN') {
        throw new DomainError(
          'INVALID_TRANSITION',
          'Only an open application can be withdrawn.',
          'input.applicationId',
        );
      }
      await this.applications.decide(
        principal.organisationId,
        application.id,
        { status: 'WITHDRAWN', decidedByUserId: null, decidedAt: this.clock.now(), decisionReasons: null },
        manager,
      );
      await this.record(
        principal,
        'PRACTITIONER',
        'APPLICATION_WITHDRAWN',
        application,
        { routeKey: application.routeKey },
        manager,
      );
      return { ...application, status: 'WITHDRAWN' };
    });
  }

  /** PSWs and administrators see every application; anyone else their own. */
  async list(
    principal: Principal,
    args: ApplicationsArgs,
  ): Promise<ConnectionShape<ProgressionApplicationEntity>> {
    const page = pageRequest(args, ['instant', 'uuid']);
    const rows = await this.applications.page(
      principal.organisationId,
      { status: args.status, userId: readableUserId(principal) },
      page,
    );
    return toConnection(rows, page, (a) => [a.submittedAt.toISOString(), a.id]);
  }

  /** Applications in the order asked; null where `list` would not show the caller that one. */
  async applicationsByIds(
    principal: Principal,
    ids: readonly string[],
  ): Promise<(ProgressionApplicationEntity | null)[]> {
    const rows = await this.applications.findByIds(principal.organisationId, ids, {
      userId: readableUserId(principal),
    });
    return oneByKey(ids, rows, (a) => a.id);
  }

  async recordStage(
    principal: Principal,
    input: RecordPractitionerStageInput,
  ): Promise<PractitionerStageEntity> {
    return this.dataSource.transaction(async (manager) => {
      const versions = await this.pathways.lockVersionsOfPathway(
        principal.organisationId,
        input.pathwayId,
        manager,
      );
      if (versions.length === 0)
        throw new DomainError('PATHWAY_NOT_FOUND', 'No such pathway.', 'input.pathwayId');
      if (!versions[0]!.design.stages.some((s) => s.key === input.stageKey)) {
        throw new DomainError('STAGE_NOT_FOUND', 'The pathway has no such stage.', 'input.stageKey');
      }
      if (!(await this.memberships.findActive(principal.organisationId, input.practitionerUserId, manager))) {
        throw new DomainError(
          'USER_NOT_FOUND',
          'No such member in your organisation.',
          'input.practitionerUserId',
        );
      }
      if (input.fromDate > this.clock.today()) {
        throw new DomainError('INVALID_DATE_RANGE', 'A stage cannot start in the future.', 'input.fromDate');
      }
      const entered = await this.moveStage(
        principal,
        {
          userId: input.practitionerUserId,
          pathwayId: input.pathwayId,
          stageKey: input.stageKey,
          leaving: input.endCurrentStages ? 'ALL' : [],
        },
        input.fromDate,
        'RECORDED',
        null,
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, DECIDERS),
          action: 'STAGE_RECORDED',
          entityType: 'PRACTITIONER_STAGE',
          entityId: entered.id,
          subjectUserId: input.practitionerUserId,
          changes: {
            stageKey: input.stageKey,
            fromDate: input.fromDate,
            endCurrentStages: input.endCurrentStages,
          },
        },
        manager,
      );
      return entered;
    });
  }

  async stageHistory(principal: Principal, args: StageHistoryArgs): Promise<PractitionerStageEntity[]> {
    const userId = args.practitionerUserId ?? principal.userId;
    await this.access.require(principal, userId, 'READ_STAGE_HISTORY', {
      field: 'practitionerUserId',
      message: 'You may see only your own stage history.',
    });
    const pathways = await this.pathways.listPathways(principal.organisationId);
    const spells = await Promise.all(
      pathways.map((p) => this.stages.findForPathway(principal.organisationId, p.id, [userId])),
    );
    return spells.flat();
  }

  private async moveStage(
    principal: Principal,
    move: { userId: string; pathwayId: string; stageKey: string; leaving: readonly string[] | 'ALL' },
    on: string,
    howDecided: StageDecision,
    applicationId: string | null,
    manager: EntityManager,
  ): Promise<PractitionerStageEntity> {
    const spells = await this.stages.findForPathway(
      principal.organisationId,
      move.pathwayId,
      [move.userId],
      manager,
    );
    const plan = planStageMove({
      openSpells: spells
        .filter((s) => s.toDate === null)
        .map((s) => ({ id: s.id, stageKey: s.stageKey, from: s.fromDate })),
      enteringStageKey: move.stageKey,
      leavingStageKeys: move.leaving,
      on,
    });
    for (const close of plan.close)
      await this.stages.close(principal.organisationId, close.id, close.to, manager);
    return this.stages.insert(
      {
        organisationId: principal.organisationId,
        userId: move.userId,
        pathwayId: move.pathwayId,
        stageKey: plan.enter.stageKey,
        fromDate: plan.enter.from,
        toDate: null,
        howDecided,
        applicationId,
        recordedByUserId: principal.userId,
      },
      manager,
    );
  }

  private record(
    principal: Principal,
    actorRole: string,
    action: AuditAction,
    application: ProgressionApplicationEntity,
    changes: Record<string, unknown>,
    manager: EntityManager,
  ) {
    return this.audit.recordAudit(
      {
        organisationId: principal.organisationId,
        actorUserId: principal.userId,
        actorRole,
        action,
        entityType: 'PROGRESSION_APPLICATION',
        entityId: application.id,
        subjectUserId: application.userId,
        changes,
      },
      manager,
    );
  }
}

/** Whose applications the caller reads: everyone's (undefined) for deciders, otherwise their own. */
function readableUserId(principal: Principal): string | undefined {
  return hasAnyRole(principal, DECIDERS) ? undefined : principal.userId;
}
