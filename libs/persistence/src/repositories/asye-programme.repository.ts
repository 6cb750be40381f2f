import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AsyePauseEntity } from '../entities/asye-pause.entity.js';
import { AsyeProgrammeEntity } from '../entities/asye-programme.entity.js';
import { AsyeProtectedTimeEntity } from '../entities/asye-protected-time.entity.js';
import { AsyeReviewPointEntity } from '../entities/asye-review-point.entity.js';

export type NewAsyeProgramme = Pick<
  AsyeProgrammeEntity,
  | 'organisationId'
  | 'practitionerUserId'
  | 'assessorUserId'
  | 'lineManagerUserId'
  | 'startDate'
  | 'contractedHoursPerWeek'
  | 'protectedTimePercent'
  | 'createdByUserId'
>;

/** An ASYE programme with everything recorded against it. */
export interface AsyeProgrammeRecord {
  programme: AsyeProgrammeEntity;
  pauses: AsyePauseEntity[];
  reviews: AsyeReviewPointEntity[];
  protectedTime: AsyeProtectedTimeEntity[];
}

/** ASYE programmes and what is recorded against them: pauses, review points, protected time. */
@Injectable()
export class AsyeProgrammeRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insert(programme: NewAsyeProgramme, manager?: EntityManager): Promise<AsyeProgrammeEntity> {
    const repo = this.manager(manager).getRepository(AsyeProgrammeEntity);
    return repo.save(repo.create(programme));
  }

  /** The programme, locked for the rest of the transaction so changes to one ASYE happen one at a time. */
  lock(organisationId: string, id: string, manager: EntityManager): Promise<AsyeProgrammeEntity | null> {
    return manager
      .getRepository(AsyeProgrammeEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.organisation_id = :organisationId AND p.id = :id', { organisationId, id })
      .getOne();
  }

  /** Whether the NQSW has an ASYE without a confirmed outcome. */
  async hasOpen(
    organisationId: string,
    practitionerUserId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    return this.manager(manager)
      .getRepository(AsyeProgrammeEntity)
      .existsBy({ organisationId, practitionerUserId, confirmedOn: IsNull() });
  }

  /** The NQSW's current ASYE: the open one, else the most recent. */
  findCurrentForPractitioner(
    organisationId: string,
    practitionerUserId: string,
    manager?: EntityManager,
  ): Promise<AsyeProgrammeEntity | null> {
    return this.manager(manager)
      .getRepository(AsyeProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId AND p.practitioner_user_id = :practitionerUserId', {
        organisationId,
        practitionerUserId,
      })
      .orderBy('(p.confirmed_on IS NULL)', 'DESC')
      .addOrderBy('p.start_date', 'DESC')
      .limit(1)
      .getOne();
  }

  /** Programmes of the organisation, oldest start first: open ones only unless `includeConfirmed`. */
  findForOrganisation(organisationId: string, includeConfirmed: boolean): Promise<AsyeProgrammeEntity[]> {
    const qb = this.dataSource
      .getRepository(AsyeProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId', { organisationId })
      .orderBy('p.start_date', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (!includeConfirmed) qb.andWhere('p.confirmed_on IS NULL');
    return qb.getMany();
  }

  /** Open programmes whose second opinion was asked of `secondAssessorUserId`, oldest request first. */
  findAskingSecondOpinionOf(
    organisationId: string,
    secondAssessorUserId: string,
  ): Promise<AsyeProgrammeEntity[]> {
    return this.dataSource
      .getRepository(AsyeProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId AND p.second_assessor_user_id = :secondAssessorUserId', {
        organisationId,
        secondAssessorUserId,
      })
      .andWhere('p.confirmed_on IS NULL')
      .orderBy('p.second_opinion_requested_on', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  /** Programmes of the organisation started between two days (either end open), any outcome. */
  findStartedBetween(
    organisationId: string,
    from: string | null,
    to: string | null,
  ): Promise<AsyeProgrammeEntity[]> {
    const qb = this.dataSource
      .getRepository(AsyeProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId', { organisationId })
      .orderBy('p.id', 'ASC');
    if (from) qb.andWhere('p.start_date >= :from', { from });
    if (to) qb.andWhere('p.start_date <= :to', { to });
    return qb.getMany();
  }

  /** The organisation's programmes among `ids`, in no particular order. */
  findByIds(organisationId: string, ids: readonly string[]): Promise<AsyeProgrammeEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AsyeProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId AND p.id IN (:...ids)', { organisationId, ids })
      .getMany();
  }

  /** Open programmes of every organisation, or of one (the reminder scan). */
  findOpen(organisationId: string | null = null): Promise<AsyeProgrammeEntity[]> {
    const qb = this.dataSource
      .getRepository(AsyeProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.confirmed_on IS NULL AND p.recommended_on IS NULL')
      .orderBy('p.organisation_id')
      .addOrderBy('p.id');
    if (organisationId) qb.andWhere('p.organisation_id = :organisationId', { organisationId });
    return qb.getMany();
  }

  /** Pauses, review points and protected time of many programmes: three statements whatever their number. */
  async withRecords(
    programmes: AsyeProgrammeEntity[],
    manager?: EntityManager,
  ): Promise<AsyeProgrammeRecord[]> {
    if (programmes.length === 0) return [];
    const m = this.manager(manager);
    const keys = { orgs: programmes.map((p) => p.organisationId), ids: programmes.map((p) => p.id) };
    const where = `(x.organisation_id, x.programme_id) IN (SELECT * FROM unnest(:orgs::uuid[], :ids::uuid[]))`;
    // One after another: inside a transaction the three share one connection, which runs one at a time.
    const pauses = await m
      .getRepository(AsyePauseEntity)
      .createQueryBuilder('x')
      .where(where, keys)
      .orderBy('x.starts_on')
      .getMany();
    const reviews = await m
      .getRepository(AsyeReviewPointEntity)
      .createQueryBuilder('x')
      .where(where, keys)
      .orderBy('x.held_on')
      .getMany();
    const protectedTime = await m
      .getRepository(AsyeProtectedTimeEntity)
      .createQueryBuilder('x')
      .where(where, keys)
      .orderBy('x.date')
      .getMany();
    return programmes.map((programme) => ({
      programme,
      pauses: pauses.filter((p) => p.programmeId === programme.id),
      reviews: reviews.filter((r) => r.programmeId === programme.id),
      protectedTime: protectedTime.filter((t) => t.programmeId === programme.id),
    }));
  }

  async update(
    organisationId: string,
    id: string,
    changes: QueryDeepPartialEntity<AsyeProgrammeEntity>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(AsyeProgrammeEntity).update({ organisationId, id }, changes);
  }

  async insertPause(
    pause: Pick<
      AsyePauseEntity,
      'organisationId' | 'programmeId' | 'startsOn' | 'endsOn' | 'reason' | 'recordedByUserId'
    >,
    manager: EntityManager,
  ): Promise<AsyePauseEntity> {
    const repo = manager.getRepository(AsyePauseEntity);
    return repo.save(repo.create(pause));
  }

  async endPause(
    organisationId: string,
    pauseId: string,
    endsOn: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(AsyePauseEntity).update({ organisationId, id: pauseId }, { endsOn });
  }

  async insertReviewPoint(
    review: Pick<
      AsyeReviewPointEntity,
      'organisationId' | 'programmeId' | 'code' | 'heldOn' | 'assessorComments' | 'recordedByUserId'
    >,
    manager: EntityManager,
  ): Promise<AsyeReviewPointEntity> {
    const repo = manager.getRepository(AsyeReviewPointEntity);
    return repo.save(repo.create(review));
  }

  async insertProtectedTime(
    entry: Pick<
      AsyeProtectedTimeEntity,
      'organisationId' | 'programmeId' | 'date' | 'minutes' | 'recordedByUserId'
    >,
    manager: EntityManager,
  ): Promise<AsyeProtectedTimeEntity> {
    const repo = manager.getRepository(AsyeProtectedTimeEntity);
    return repo.save(repo.create(entry));
  }
}
