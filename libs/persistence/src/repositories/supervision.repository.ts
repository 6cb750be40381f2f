import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SupervisionKind } from '#app/domain';
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

/** One session as supervision status needs it: who, when, how long, what kind. */
export type SupervisionSessionFacts = Pick<
  SupervisionEntity,
  'supervisorUserId' | 'superviseeUserId' | 'heldOn' | 'minutes' | 'kind'
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

  /**
   * What supervision status is worked out from, for many supervisees or the whole organisation, in
   * one statement and without the notes: the overdue views, insight and the reminder scan read every
   * session of the organisation, so the rows stay plain (no entity per session), newest first.
   */
  async findSessionFacts(
    organisationId: string,
    superviseeUserIds?: readonly string[],
  ): Promise<SupervisionSessionFacts[]> {
    if (superviseeUserIds?.length === 0) return [];
    const rows: {
      supervisor_user_id: string;
      supervisee_user_id: string;
      held_on: string;
      minutes: number;
      kind: SupervisionKind;
    }[] = await this.dataSource.query(
      `SELECT supervisor_user_id, supervisee_user_id, to_char(held_on, 'YYYY-MM-DD') AS held_on, minutes, kind
         FROM supervision
        WHERE organisation_id = $1 AND ($2::uuid[] IS NULL OR supervisee_user_id = ANY($2))
        ORDER BY held_on DESC`,
      [organisationId, superviseeUserIds ? [...superviseeUserIds] : null],
    );
    return rows.map((r) => ({
      supervisorUserId: r.supervisor_user_id,
      superviseeUserId: r.supervisee_user_id,
      heldOn: r.held_on,
      minutes: r.minutes,
      kind: r.kind,
    }));
  }
}
