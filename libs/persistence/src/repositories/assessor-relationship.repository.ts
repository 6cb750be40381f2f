import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AssessorRelationshipEntity } from '../entities/assessor-relationship.entity.js';

export interface AssessorRelationshipFilter {
  assessorUserId?: string;
  practitionerUserId?: string;
  /** Only relationships in force on this date (YYYY-MM-DD). */
  activeOn?: string;
  /** Restrict to relationships this person is party to (as assessor or practitioner). */
  involvingUserId?: string;
}

@Injectable()
export class AssessorRelationshipRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AssessorRelationshipEntity);
  }

  findById(
    organisationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<AssessorRelationshipEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, id });
  }

  /** Every relationship between two people (any capacity, any dates). */
  findBetween(
    organisationId: string,
    assessorUserId: string,
    practitionerUserId: string,
    manager?: EntityManager,
  ) {
    return this.repo(manager).findBy({ organisationId, assessorUserId, practitionerUserId });
  }

  findForPractitioner(organisationId: string, practitionerUserId: string, manager?: EntityManager) {
    return this.repo(manager).findBy({ organisationId, practitionerUserId });
  }

  /** Every relationship of each of these practitioners, in one statement. */
  findForPractitioners(
    organisationId: string,
    practitionerUserIds: readonly string[],
    manager?: EntityManager,
  ) {
    if (practitionerUserIds.length === 0) return Promise.resolve([]);
    return this.repo(manager).findBy({ organisationId, practitionerUserId: In([...practitionerUserIds]) });
  }

  /** Keyset page ordered by (created_at, id). */
  page(
    organisationId: string,
    filter: AssessorRelationshipFilter,
    after: [string, string] | null,
    limit: number,
  ): Promise<AssessorRelationshipEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('r')
      .where('r.organisation_id = :organisationId', { organisationId })
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    if (filter.assessorUserId) qb.andWhere('r.assessor_user_id = :a', { a: filter.assessorUserId });
    if (filter.practitionerUserId)
      qb.andWhere('r.practitioner_user_id = :p', { p: filter.practitionerUserId });
    if (filter.involvingUserId) {
      qb.andWhere('(r.assessor_user_id = :u OR r.practitioner_user_id = :u)', { u: filter.involvingUserId });
    }
    if (filter.activeOn) {
      qb.andWhere('r.starts_on <= :d AND (r.ends_on IS NULL OR r.ends_on >= :d)', { d: filter.activeOn });
    }
    if (after)
      qb.andWhere('(r.created_at, r.id) > (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: after[0],
        afterId: after[1],
      });
    return qb.getMany();
  }

  insert(
    relationship: Pick<
      AssessorRelationshipEntity,
      | 'organisationId'
      | 'assessorUserId'
      | 'practitionerUserId'
      | 'capacity'
      | 'startsOn'
      | 'endsOn'
      | 'createdByUserId'
    >,
    manager?: EntityManager,
  ) {
    return this.repo(manager).save(this.repo(manager).create(relationship));
  }

  async setEndsOn(
    organisationId: string,
    id: string,
    endsOn: string,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, { endsOn });
  }
}
