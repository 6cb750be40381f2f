import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ModerationPackEntity } from '../entities/moderation-pack.entity.js';

export type NewModerationPack = Omit<ModerationPackEntity, 'id'>;

/** Moderation packs of an organisation. */
@Injectable()
export class ModerationPackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(pack: NewModerationPack, manager?: EntityManager): Promise<ModerationPackEntity> {
    const repo = (manager ?? this.dataSource.manager).getRepository(ModerationPackEntity);
    return repo.save(repo.create(pack));
  }

  findById(organisationId: string, id: string): Promise<ModerationPackEntity | null> {
    return this.dataSource.getRepository(ModerationPackEntity).findOneBy({ organisationId, id });
  }

  /** The organisation's packs, newest first. */
  findForOrganisation(organisationId: string): Promise<ModerationPackEntity[]> {
    return this.dataSource
      .getRepository(ModerationPackEntity)
      .find({ where: { organisationId }, order: { drawnAt: 'DESC', id: 'ASC' } });
  }
}
