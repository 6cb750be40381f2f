import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuthSessionEntity } from '../entities/auth-session.entity.js';

@Injectable()
export class AuthSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AuthSessionEntity);
  }

  /** Locks the row so two refreshes with the same token cannot both rotate it. */
  findByTokenHashForUpdate(tokenHash: string, manager: EntityManager): Promise<AuthSessionEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  insert(
    session: Pick<AuthSessionEntity, 'organisationId' | 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>,
    manager?: EntityManager,
  ) {
    return this.repo(manager).save(this.repo(manager).create({ ...session, revokedAt: null }));
  }

  async revoke(id: string, at: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeFamily(familyId: string, at: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
