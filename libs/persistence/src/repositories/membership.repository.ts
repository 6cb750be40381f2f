import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '#app/domain';
import { MembershipEntity } from '../entities/membership.entity.js';

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

  /**
   * The caller's roles for one request, and whether their sign-in session is still
   * open (logout closes it at once). One statement on the hot path of every request.
   */
  async findPrincipal(
    organisationId: string,
    userId: string,
    sessionFamilyId: string | null,
  ): Promise<Pick<MembershipEntity, 'roles' | 'teamId'> | null> {
    const rows: { roles: Role[]; team_id: string | null }[] = await this.dataSource.query(
      `SELECT m.roles::text[] AS roles, m.team_id
         FROM membership m
        WHERE m.organisation_id = $1 AND m.user_id = $2 AND m.active
          AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM auth_session s
                 WHERE s.family_id = $3 AND s.revoked_at IS NULL AND s.expires_at > now()))`,
      [organisationId, userId, sessionFamilyId],
    );
    const row = rows[0];
    return row ? { roles: row.roles, teamId: row.team_id } : null;
  }

  /** Every active organisation a person belongs to, oldest membership first. */
  findActiveForUserAcrossOrganisations(userId: string): Promise<MembershipEntity[]> {
    return this.repo().find({ where: { userId, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
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

  /** Keyset page ordered by (created_at, id). */
  page(
    organisationId: string,
    filter: MembershipFilter,
    after: [string, string] | null,
    limit: number,
  ): Promise<MembershipEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId', { organisationId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit);
    if (filter.role) qb.andWhere(':role = ANY(m.roles)', { role: filter.role });
    if (filter.teamId) qb.andWhere('m.team_id = :teamId', { teamId: filter.teamId });
    if (after)
      qb.andWhere('(m.created_at, m.id) > (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: after[0],
        afterId: after[1],
      });
    return qb.getMany();
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
    changes: Partial<Pick<MembershipEntity, 'roles' | 'teamId' | 'active'>>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, userId }, changes);
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
