import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Role } from '#app/domain';
import { MembershipEntity } from '../entities/membership.entity.js';
import { keysetPage, type KeysetPage } from './keyset.js';

/** A membership as sign-in and the auth guard judge it (see membershipStanding in the domain). */
export interface SignInMembership {
  organisationId: string;
  roles: Role[];
  teamId: string | null;
  active: boolean;
  endsOn: string | null;
  leaverRetentionDays: number;
}

interface SignInRow {
  organisation_id: string;
  roles: Role[];
  team_id: string | null;
  active: boolean;
  ends_on: string | null;
  leaver_retention_days: number;
}

const toSignIn = (r: SignInRow): SignInMembership => ({
  organisationId: r.organisation_id,
  roles: r.roles,
  teamId: r.team_id,
  active: r.active,
  endsOn: r.ends_on,
  leaverRetentionDays: r.leaver_retention_days,
});

export interface MembershipFilter {
  role?: Role;
  teamId?: string;
}

@Injectable()
export class MembershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MembershipEntity);
  }

  findActive(
    organisationId: string,
    userId: string,
    manager?: EntityManager,
  ): Promise<MembershipEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, userId, active: true });
  }

  findForUser(
    organisationId: string,
    userId: string,
    manager?: EntityManager,
  ): Promise<MembershipEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, userId });
  }

  /** The memberships of these people in the organisation, in one statement (absent ones are not members). */
  findForUsers(
    organisationId: string,
    userIds: readonly string[],
    manager?: EntityManager,
  ): Promise<MembershipEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.repo(manager).findBy({ organisationId, userId: In([...userIds]) });
  }

  /**
   * The caller's roles for one request, the dates that say whether they are still a member or a
   * leaver, and whether their sign-in session is still open (logout closes it at once). One
   * statement on the hot path of every request; the caller judges the dates.
   */
  async findPrincipal(
    organisationId: string,
    userId: string,
    sessionFamilyId: string | null,
  ): Promise<SignInMembership | null> {
    const rows: SignInRow[] = await this.dataSource.query(
      `SELECT m.organisation_id, m.roles::text[] AS roles, m.team_id, m.active, m.ends_on::text AS ends_on,
              o.leaver_retention_days
         FROM membership m
         JOIN organisation o ON o.id = m.organisation_id
        WHERE m.organisation_id = $1 AND m.user_id = $2 AND (m.active OR m.ends_on IS NOT NULL)
          AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM auth_session s
                 WHERE s.family_id = $3 AND s.revoked_at IS NULL AND s.expires_at > now()))`,
      [organisationId, userId, sessionFamilyId],
    );
    return rows[0] ? toSignIn(rows[0]) : null;
  }

  /**
   * Every organisation a person might sign in to: current memberships and ended ones with a date
   * (a leaver may still be within the retention period), oldest first. The caller judges the dates.
   */
  async findSignInCandidates(userId: string, manager?: EntityManager): Promise<SignInMembership[]> {
    const rows: SignInRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT m.organisation_id, m.roles::text[] AS roles, m.team_id, m.active, m.ends_on::text AS ends_on,
              o.leaver_retention_days
         FROM membership m
         JOIN organisation o ON o.id = m.organisation_id
        WHERE m.user_id = $1 AND (m.active OR m.ends_on IS NOT NULL)
        ORDER BY m.created_at, m.id
        LIMIT 100`,
      [userId],
    );
    return rows.map(toSignIn);
  }

  /** Every active organisation a person belongs to, oldest membership first. */
  findActiveForUserAcrossOrganisations(userId: string): Promise<MembershipEntity[]> {
    return this.repo().find({ where: { userId, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(
    organisationId: string,
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<MembershipEntity | null> {
    const qb = this.repo(manager)
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId AND m.id = :id', { organisationId, id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The membership here of the person with this email, if any (the organisation's own data only). */
  async findByEmail(
    organisationId: string,
    email: string,
    manager?: EntityManager,
  ): Promise<MembershipEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('m')
      .innerJoin('app_user', 'u', 'u.id = m.user_id')
      .where('m.organisation_id = :organisationId AND u.email = :email', {
        organisationId,
        email: email.toLowerCase(),
      })
      .getOne();
  }

  /**
   * Closes the memberships whose end date has come (`active` false), so every list of current
   * members agrees with the date. Run by endMembership for today's ends and by each reminder scan
   * for ends set in advance.
   */
  async closeEnded(organisationId: string | null, today: string, manager?: EntityManager): Promise<number> {
    const result: [unknown[], number] = await (manager ?? this.dataSource.manager).query(
      `UPDATE membership SET active = false, revision = revision + 1
        WHERE active AND ends_on <= $2::date AND ($1::uuid IS NULL OR organisation_id = $1)`,
      [organisationId, today],
    );
    return result[1];
  }

  findByIds(organisationId: string, ids: readonly string[]): Promise<MembershipEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId AND m.id IN (:...ids)', { organisationId, ids: [...ids] })
      .getMany();
  }

  findByUserIds(organisationId: string, userIds: readonly string[]): Promise<MembershipEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId AND m.user_id IN (:...userIds)', {
        organisationId,
        userIds: [...userIds],
      })
      .getMany();
  }

  /** Keyset page ordered by (created_at, id), either way from the cursor. */
  page(
    organisationId: string,
    filter: MembershipFilter,
    page: KeysetPage<[string, string]>,
  ): Promise<MembershipEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId', { organisationId });
    if (filter.role) qb.andWhere(':role = ANY(m.roles)', { role: filter.role });
    if (filter.teamId) qb.andWhere('m.team_id = :teamId', { teamId: filter.teamId });
    return keysetPage(
      qb,
      [
        { expression: 'm.created_at', type: 'timestamptz' },
        { expression: 'm.id', type: 'uuid' },
      ],
      'ASC',
      page,
    );
  }

  insert(
    membership: Pick<MembershipEntity, 'organisationId' | 'userId' | 'roles' | 'teamId'>,
    manager?: EntityManager,
  ) {
    return this.repo(manager).save(this.repo(manager).create({ ...membership, active: true }));
  }

  async update(
    organisationId: string,
    userId: string,
    changes: Partial<Pick<MembershipEntity, 'roles' | 'teamId' | 'active' | 'endsOn' | 'legalHoldReason'>>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update(
      { organisationId, userId },
      { ...changes, revision: () => 'revision + 1' },
    );
  }

  /** The person's membership here, locked until the transaction ends (changes to one membership queue up). */
  lockForUser(
    organisationId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<MembershipEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId AND m.user_id = :userId', { organisationId, userId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * The organisation's active administrators and their end dates, locked, so two administrators
   * ending each other's memberships at once cannot both pass the last-administrator check.
   */
  async lockAdministrators(
    organisationId: string,
    manager: EntityManager,
  ): Promise<{ userId: string; endsOn: string | null }[]> {
    const rows: { user_id: string; ends_on: string | null }[] = await manager.query(
      `SELECT user_id, ends_on::text AS ends_on FROM membership
        WHERE organisation_id = $1 AND active AND 'ORG_ADMIN' = ANY(roles)
        ORDER BY user_id FOR UPDATE`,
      [organisationId],
    );
    return rows.map((r) => ({ userId: r.user_id, endsOn: r.ends_on }));
  }

  /** Locks the organisation's active admins, so two concurrent demotions cannot both pass the last-admin check. */
  async lockActiveWithRole(organisationId: string, role: Role, manager: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM membership WHERE organisation_id = $1 AND active AND $2 = ANY(roles) FOR UPDATE`,
      [organisationId, role],
    );
    return rows.map((r) => r.user_id);
  }
}
