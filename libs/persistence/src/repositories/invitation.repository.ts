import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvitationEntity } from '../entities/invitation.entity.js';

export type NewInvitation = Pick<
  InvitationEntity,
  'organisationId' | 'email' | 'fullName' | 'roles' | 'teamId' | 'tokenHash' | 'expiresAt' | 'invitedByUserId'
>;

@Injectable()
export class InvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(InvitationEntity);
  }

  insert(invitation: NewInvitation, manager?: EntityManager): Promise<InvitationEntity> {
    return this.repo(manager).save(
      this.repo(manager).create({ ...invitation, email: invitation.email.toLowerCase(), status: 'PENDING' }),
    );
  }

  findById(
    organisationId: string,
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<InvitationEntity | null> {
    const qb = this.repo(manager)
      .createQueryBuilder('i')
      .where('i.organisation_id = :organisationId AND i.id = :id', { organisationId, id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findPending(
    organisationId: string,
    email: string,
    manager?: EntityManager,
  ): Promise<InvitationEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, email: email.toLowerCase(), status: 'PENDING' });
  }

  /**
   * The invitation a token opens, locked for the acceptance. The only finder without a tenant key:
   * the person accepting knows no organisation, only the token (whose hash is unique).
   */
  findByTokenHashForUpdate(tokenHash: string, manager: EntityManager): Promise<InvitationEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('i')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(
    organisationId: string,
    id: string,
    changes: Partial<
      Pick<
        InvitationEntity,
        'status' | 'tokenHash' | 'expiresAt' | 'acceptedByUserId' | 'decidedAt' | 'resendCount'
      >
    >,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, changes);
  }

  /** Pending invitations, oldest first, keyset on (created_at, id). */
  pagePending(
    organisationId: string,
    after: [string, string] | null,
    limit: number,
  ): Promise<InvitationEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('i')
      .where(`i.organisation_id = :organisationId AND i.status = 'PENDING'`, { organisationId })
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(limit);
    if (after)
      qb.andWhere('(i.created_at, i.id) > (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: after[0],
        afterId: after[1],
      });
    return qb.getMany();
  }
}
