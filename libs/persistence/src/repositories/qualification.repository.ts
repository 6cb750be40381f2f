import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { QualificationEntity } from '../entities/qualification.entity.js';

export type NewQualification = Pick<
  QualificationEntity,
  'organisationId' | 'userId' | 'type' | 'title' | 'awardedOn' | 'expiresOn' | 'credits' | 'recordedByUserId'
>;

@Injectable()
export class QualificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(QualificationEntity);
  }

  async insert(qualification: NewQualification, manager?: EntityManager): Promise<QualificationEntity> {
    return this.repo(manager).save(this.repo(manager).create(qualification));
  }

  findById(organisationId: string, id: string, manager?: EntityManager): Promise<QualificationEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, id });
  }

  findByUserIds(
    organisationId: string,
    userIds: readonly string[],
    manager?: EntityManager,
  ): Promise<QualificationEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.repo(manager)
      .createQueryBuilder('q')
      .where('q.organisation_id = :organisationId AND q.user_id IN (:...userIds)', {
        organisationId,
        userIds: [...userIds],
      })
      .orderBy('q.awarded_on', 'DESC')
      .addOrderBy('q.id')
      .getMany();
  }

  /**
   * A page of the organisation's qualifications still to verify, of its current members, longest
   * waiting (oldest award) first: keyset on (awarded_on, id).
   */
  pageUnverified(
    organisationId: string,
    after: [string, string] | null,
    limit: number,
  ): Promise<QualificationEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('q')
      .where('q.organisation_id = :organisationId AND q.verified_at IS NULL', { organisationId })
      .andWhere(
        'EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = q.organisation_id AND m.user_id = q.user_id AND m.active)',
      )
      .orderBy('q.awarded_on')
      .addOrderBy('q.id')
      .limit(limit);
    if (after) {
      qb.andWhere('(q.awarded_on, q.id) > (:afterOn::date, :afterId::uuid)', {
        afterOn: after[0],
        afterId: after[1],
      });
    }
    return qb.getMany();
  }

  /** Marks as verified unless already verified; false when nothing changed. */
  async verify(
    organisationId: string,
    id: string,
    verifiedByUserId: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ verifiedByUserId, verifiedAt: () => 'now()' })
      .where('organisation_id = :organisationId AND id = :id AND verified_by_user_id IS NULL', {
        organisationId,
        id,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
