import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { SigningKeyEntity } from '../entities/signing-key.entity.js';

export type NewSigningKey = Pick<
  SigningKeyEntity,
  'kid' | 'organisationId' | 'algorithm' | 'publicJwk' | 'encryptedPrivateKey'
>;

@Injectable()
export class SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SigningKeyEntity);
  }

  /**
   * Serialises key creation and rotation per organisation for the rest of the transaction
   * (a transaction-scoped advisory lock, so the first key of an organisation is made once).
   */
  async lockOrganisationKeys(organisationId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('signing_key:' || $1, 0))`, [
      organisationId,
    ]);
  }

  findActive(organisationId: string, manager?: EntityManager): Promise<SigningKeyEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, retiredAt: IsNull() });
  }

  async insert(key: NewSigningKey, manager: EntityManager): Promise<SigningKeyEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create(key));
  }

  async retire(organisationId: string, kid: string, at: Date, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ organisationId, kid, retiredAt: IsNull() }, { retiredAt: at });
  }

  /** A key by its id, whichever organisation holds it (public verification). */
  findByKid(kid: string): Promise<SigningKeyEntity | null> {
    return this.repo().findOneBy({ kid });
  }

  /** Every key of an organisation, newest first: active and retired (for its public key set). */
  findForOrganisation(organisationId: string): Promise<SigningKeyEntity[]> {
    return this.repo().find({ where: { organisationId }, order: { createdAt: 'DESC' } });
  }
}
