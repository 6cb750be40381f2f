import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertCanEndMembership,
  assertCanGrantRoles,
  assertLeaverRetentionDays,
  DomainError,
} from '#app/domain';
import {
  AuditEventRepository,
  MembershipRepository,
  OrganisationRepository,
  TeamRepository,
  type MembershipEntity,
  type OrganisationEntity,
  type TeamEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { oneByKey } from '../../graphql/group-by-key.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { CreateTeamInput } from './dto/create-team.input.js';
import type { EndMembershipInput } from './dto/end-membership.input.js';
import type { MembersArgs } from './dto/members.args.js';
import type { PlaceLegalHoldInput } from './dto/place-legal-hold.input.js';
import type { ReleaseLegalHoldInput } from './dto/release-legal-hold.input.js';
import type { SetLeaverRetentionInput } from './dto/set-leaver-retention.input.js';
import type { SetMemberTeamInput } from './dto/set-member-team.input.js';
import type { UpdateMemberRolesInput } from './dto/update-member-roles.input.js';
import { isUniqueViolation } from '../../common/unique-violation.js';

@Injectable()
export class OrganisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipRepository,
    private readonly teams: TeamRepository,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async teamsPage(
    principal: Principal,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<TeamEntity>> {
    const page = pageRequest({ first, after }, ['text']);
    const rows = await this.teams.page(principal.organisationId, page.cursor?.[0] ?? null, page.limit);
    return toConnection(rows, page, (t) => [t.name]);
  }

  async createTeam(principal: Principal, input: CreateTeamInput): Promise<TeamEntity> {
    return this.dataSource.transaction(async (manager) => {
      const team = await this.teams
        .insert({ organisationId: principal.organisationId, name: input.name }, manager)
        .catch((e: unknown) => {
          if (isUniqueViolation(e, 'team_name_unique')) {
            throw new DomainError('TEAM_NAME_TAKEN', 'A team with this name already exists', 'input.name');
          }
          throw e;
        });
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['ORG_ADMIN']),
          action: 'TEAM_CREATED',
          entityType: 'TEAM',
          entityId: team.id,
          subjectUserId: null,
          changes: { name: input.name },
        },
        manager,
      );
      return team;
    });
  }

  async membersPage(principal: Principal, args: MembersArgs): Promise<ConnectionShape<MembershipEntity>> {
    const page = pageRequest(args, ['instant', 'uuid']);
    const rows = await this.memberships.page(
      principal.organisationId,
      { role: args.role, teamId: args.teamId },
      page,
    );
    return toConnection(rows, page, (m) => [m.createdAt.toISOString(), m.id]);
  }

  /** Admins and PSWs see every member; anyone else sees only themselves. */
  async member(principal: Principal, userId: string): Promise<MembershipEntity> {
    const membership = seesMember(principal, userId)
      ? await this.memberships.findForUser(principal.organisationId, userId)
      : null;
    if (!membership) throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation', 'userId');
    return membership;
  }

  /** Memberships by membership id in the order asked; null where `member` would refuse the person. */
  async membersByIds(principal: Principal, ids: readonly string[]): Promise<(MembershipEntity | null)[]> {
    const rows = await this.memberships.findByIds(principal.organisationId, ids);
    return oneByKey(
      ids,
      rows.filter((m) => seesMember(principal, m.userId)),
      (m) => m.id,
    );
  }

  async updateRoles(principal: Principal, input: UpdateMemberRolesInput): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.memberships.findForUser(principal.organisationId, input.userId, manager);
      if (!current)
        throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation', 'input.userId');
      const changed = [
        ...input.roles.filter((r) => !current.roles.includes(r)),
        ...current.roles.filter((r) => !input.roles.includes(r)),
      ];
      assertCanGrantRoles(principal.roles, changed);
      if (current.roles.includes('ORG_ADMIN') && !input.roles.includes('ORG_ADMIN')) {
        const admins = await this.memberships.lockActiveWithRole(
          principal.organisationId,
          'ORG_ADMIN',
          manager,
        );
        if (admins.length <= 1) {
          throw new DomainError(
            'LAST_ORG_ADMIN',
            'The organisation must keep at least one administrator',
            'input.roles',
          );
        }
      }
      await this.memberships.update(principal.organisationId, input.userId, { roles: input.roles }, manager);
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER']),
          action: 'MEMBER_ROLES_CHANGED',
          entityType: 'MEMBERSHIP',
          entityId: current.id,
          subjectUserId: input.userId,
          changes: { roles: { from: current.roles, to: input.roles } },
        },
        manager,
      );
      return { ...current, roles: input.roles };
    });
  }

  async setTeam(principal: Principal, input: SetMemberTeamInput): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.memberships.findForUser(principal.organisationId, input.userId, manager);
      if (!current)
        throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation', 'input.userId');
      const teamId = input.teamId ?? null;
      if (teamId && !(await this.teams.findById(principal.organisationId, teamId, manager))) {
        throw new DomainError('TEAM_NOT_FOUND', 'No such team in your organisation', 'input.teamId');
      }
      await this.memberships.update(principal.organisationId, input.userId, { teamId }, manager);
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['ORG_ADMIN']),
          action: 'MEMBER_TEAM_CHANGED',
          entityType: 'MEMBERSHIP',
          entityId: current.id,
          subjectUserId: input.userId,
          changes: { teamId: { from: current.teamId, to: teamId } },
        },
        manager,
      );
      return { ...current, teamId };
    });
  }

  /**
   * Sets the day a person's membership ends (the first day without access), or moves an end set
   * in advance. From that day the guard gives them no roles, only their own records, for the
   * organisation's retention period; an end that is today closes the membership at once, one set
   * ahead is closed by the reminder scan on its day (and judged by date meanwhile).
   */
  async endMembership(principal: Principal, input: EndMembershipInput): Promise<MembershipEntity> {
    const { organisationId } = principal;
    const today = this.clock.today();
    return this.dataSource.transaction(async (manager) => {
      // Administrators first, then the member: every endMembership locks in the same order.
      const admins = await this.memberships.lockAdministrators(organisationId, manager);
      const current = await this.lockMember(principal, input.userId, input.expectedRevision, manager);
      const organisation = await this.requireOrganisation(organisationId, manager);
      assertCanEndMembership({
        endsOn: input.endsOn,
        today,
        membership: {
          active: current.active,
          endsOn: current.endsOn,
          leaverRetentionDays: organisation.leaverRetentionDays,
        },
        isOwnMembership: input.userId === principal.userId,
        isAdministrator: current.roles.includes('ORG_ADMIN'),
        otherAdministratorsEndOn: admins.filter((a) => a.userId !== input.userId).map((a) => a.endsOn),
      });
      await this.memberships.update(organisationId, input.userId, { endsOn: input.endsOn }, manager);
      await this.memberships.closeEnded(organisationId, today, manager);
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['ORG_ADMIN']),
          action: 'MEMBERSHIP_ENDED',
          entityType: 'MEMBERSHIP',
          entityId: current.id,
          subjectUserId: input.userId,
          changes: { endsOn: { from: current.endsOn, to: input.endsOn } },
        },
        manager,
      );
      return (await this.memberships.findForUser(organisationId, input.userId, manager))!;
    });
  }

  async setLeaverRetention(
    principal: Principal,
    input: SetLeaverRetentionInput,
  ): Promise<OrganisationEntity> {
    assertLeaverRetentionDays(input.days, 'input.days');
    const { organisationId } = principal;
    return this.dataSource.transaction(async (manager) => {
      const before = await this.requireOrganisation(organisationId, manager);
      await this.organisations.setLeaverRetentionDays(organisationId, input.days, manager);
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['ORG_ADMIN']),
          action: 'LEAVER_RETENTION_CHANGED',
          entityType: 'ORGANISATION',
          entityId: organisationId,
          subjectUserId: null,
          changes: { leaverRetentionDays: { from: before.leaverRetentionDays, to: input.days } },
        },
        manager,
      );
      return { ...before, leaverRetentionDays: input.days };
    });
  }

  /**
   * Keeps a person's records whatever the retention period says (erasure is refused while it
   * holds); placing it again replaces the reason. Any membership may be held: an inquiry can
   * begin before the person leaves.
   */
  async placeLegalHold(principal: Principal, input: PlaceLegalHoldInput): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockMember(principal, input.userId, input.expectedRevision, manager);
      return this.changeLegalHold(principal, current, input.reason, manager);
    });
  }

  async releaseLegalHold(principal: Principal, input: ReleaseLegalHoldInput): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockMember(principal, input.userId, input.expectedRevision, manager);
      if (current.legalHoldReason === null) {
        throw new DomainError(
          'LEGAL_HOLD_NOT_PLACED',
          'There is no legal hold on this person.',
          'input.userId',
        );
      }
      return this.changeLegalHold(principal, current, null, manager);
    });
  }

  private async changeLegalHold(
    principal: Principal,
    current: MembershipEntity,
    reason: string | null,
    manager: EntityManager,
  ): Promise<MembershipEntity> {
    const { organisationId } = principal;
    await this.memberships.update(organisationId, current.userId, { legalHoldReason: reason }, manager);
    await this.audit.recordAudit(
      {
        organisationId,
        actorUserId: principal.userId,
        actorRole: actingRole(principal, ['ORG_ADMIN']),
        action: reason === null ? 'LEGAL_HOLD_RELEASED' : 'LEGAL_HOLD_PLACED',
        entityType: 'MEMBERSHIP',
        entityId: current.id,
        subjectUserId: current.userId,
        changes: { reason: { from: current.legalHoldReason, to: reason } },
      },
      manager,
    );
    return (await this.memberships.findForUser(organisationId, current.userId, manager))!;
  }

  /** The member, locked for the change, if they are in the caller's organisation and unchanged since read. */
  private async lockMember(
    principal: Principal,
    userId: string,
    expectedRevision: number | null | undefined,
    manager: EntityManager,
  ): Promise<MembershipEntity> {
    const current = await this.memberships.lockForUser(principal.organisationId, userId, manager);
    if (!current)
      throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation', 'input.userId');
    if (expectedRevision != null && expectedRevision !== current.revision) {
      throw new DomainError(
        'STALE_VERSION',
        'This membership changed since you read it; reload it and try again.',
        'input.expectedRevision',
        { currentRevision: current.revision },
      );
    }
    return current;
  }

  private async requireOrganisation(id: string, manager: EntityManager): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(id, manager);
    if (!organisation) throw new DomainError('ORGANISATION_NOT_FOUND', 'Organisation not found');
    return organisation;
  }
}

function seesMember(principal: Principal, userId: string): boolean {
  const seesEveryone = principal.roles.some((r) => r === 'ORG_ADMIN' || r === 'PRINCIPAL_SOCIAL_WORKER');
  return seesEveryone || userId === principal.userId;
}
