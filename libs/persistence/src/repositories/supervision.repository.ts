import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SupervisionEntity } from '../entities/supervision.entity.js';

export type NewSupervision = Pick<
  SupervisionEntity,
  | 'organisationId'
  | 'supervisorUserId'
  | 'superviseeUserId'
  | 'heldOn'
  | 'minutes'
  | 'kind'
  | 'notes'
  | 'recordedByUserId'
>;

/** Supervision sessions. Callers decide who may read `notes`; every finder returns the whole row. */
@Injectable()
export class SupervisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SupervisionEntity);
  }

  async insert(supervision: NewSupervision, manager?: EntityManager): Promise<SupervisionEntity> {
    return this.repo(manager).save(this.repo(manager).create({ ...supervision, reflectionEvidenceId: null }));
  }

  lock(organisationId: string, id: string, manager: EntityManager): Promise<SupervisionEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.organisation_id = :organisationId AND s.id = :id', { organisationId, id })
      .getOne();
  }

  async setReflectionEvidence(
    organisationId: string,
    id: string,
    evidenceId: string,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, { reflectionEvidenceId: evidenceId });
  }

  /** A supervisee's sessions, newest first. */
  findForSupervisee(organisationId: string, superviseeUserId: string): Promise<SupervisionEntity[]> {
    return this.repo().find({
      where: { organisationId, superviseeUserId },
      order: { heldOn: 'DESC', createdAt: 'DESC' },
    });
  }

  /** Sessions of many supervisees (one statement), for the organisation's overdue view. */
  findForSupervisees(
    organisationId: string,
    superviseeUserIds: readonly string[],
  ): Promise<SupervisionEntity[]> {
    if (superviseeUserIds.length === 0) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId AND s.supervisee_user_id IN (:...ids)', {
        organisationId,
        ids: [...superviseeUserIds],
      })
      .orderBy('s.held_on', 'DESC')
      .getMany();
  }

  /** Every session of the organisation's members (one statement): the reminder scan. */
  findForOrganisation(organisationId: string): Promise<SupervisionEntity[]> {
    return this.repo().find({ where: { organisationId }, order: { heldOn: 'DESC' } });
  }
}
