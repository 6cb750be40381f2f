import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanGrantRoles, DomainError } from '#app/domain';
import {
  AuditEventRepository,
  MembershipRepository,
  TeamRepository,
  type MembershipEntity,
  type TeamEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { decodeCursor, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type {
  CreateTeamInput,
  MembersArgs,
  SetMemberTeamInput,
  UpdateMemberRolesInput,
} from './dto/organisation.inputs.js';

@Injectable()
export class OrganisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipRepository,
    private readonly teams: TeamRepository,
    private readonly audit: AuditEventRepository,
  ) {}

  async teamsPage(
    principal: Principal,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<TeamEntity>> {
    const key = decodeCursor(after, 1);
    const rows = await this.teams.page(principal.organisationId, key ? String(key[0]) : null, first + 1);
    return toConnection(rows, first, (t) => [t.name]);
  }

  async createTeam(principal: Principal, input: CreateTeamInput): Promise<TeamEntity> {
    return this.dataSource.transaction(async (manager) => {
      const team = await this.teams
        .insert({ organisationId: principal.organisationId, name: input.name }, manager)
        .catch((e: unknown) => {
          if ((e as { code?: string }).code === '23505') {
            throw new DomainError('TEAM_NAME_TAKEN', 'A team with this name already exists', 'input.name');
          }
          throw e;
        });
      await this.audit.append(
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
    const key = decodeCursor(args.after, 2) as [string, string] | null;
    const rows = await this.memberships.page(
      principal.organisationId,
      { role: args.role, teamId: args.teamId },
      key,
      args.first + 1,
    );
    return toConnection(rows, args.first, (m) => [m.createdAt.toISOString(), m.id]);
  }

  /** Admins and PSWs see every member; anyone else sees only themselves. */
  async member(principal: Principal, userId: string): Promise<MembershipEntity> {
    const seesEveryone = principal.roles.some((r) => r === 'ORG_ADMIN' || r === 'PRINCIPAL_SOCIAL_WORKER');
    const membership =
      seesEveryone || userId === principal.userId
        ? await this.memberships.findForUser(principal.organisationId, userId)
        : null;
    if (!membership) throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation', 'userId');
    return membership;
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
      await this.audit.append(
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
      await this.audit.append(
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
}
