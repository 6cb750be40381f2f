import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { CredentialKind, RevocationReason } from '#app/domain';
import { IssuedCredentialEntity } from '../entities/issued-credential.entity.js';

export type NewIssuedCredential = Omit<
  IssuedCredentialEntity,
  'createdAt' | 'revokedAt' | 'revokedByUserId' | 'revocationReason' | 'revocationNote'
>;

export interface CredentialRevocation {
  revokedAt: Date;
  revokedByUserId: string;
  revocationReason: RevocationReason;
  revocationNote: string | null;
}

@Injectable()
export class IssuedCredentialRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(IssuedCredentialEntity);
  }

  /** Credentials already issued for these source records (one statement). */
  findBySources(
    organisationId: string,
    kind: CredentialKind,
    sourceIds: readonly string[],
    manager?: EntityManager,
  ): Promise<IssuedCredentialEntity[]> {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return this.repo(manager)
      .createQueryBuilder('c')
      .where('c.organisation_id = :organisationId AND c.kind = :kind AND c.source_id = ANY(:sourceIds)', {
        organisationId,
        kind,
        sourceIds: [...sourceIds],
      })
      .getMany();
  }

  /** Inserts many at once; a source issued meanwhile by someone else is skipped, not duplicated. */
  async insertMany(credentials: readonly NewIssuedCredential[], manager: EntityManager): Promise<void> {
    if (credentials.length === 0) return;
    await this.repo(manager)
      .createQueryBuilder()
      .insert()
      .values([...credentials] as QueryDeepPartialEntity<IssuedCredentialEntity>[])
      .orIgnore()
      .execute();
  }

  /** A credential by its verification code, in whichever organisation (public verification). */
  findByCode(verificationCode: string): Promise<IssuedCredentialEntity | null> {
    return this.repo().findOneBy({ verificationCode });
  }

  /** One credential, locked for the rest of the transaction. */
  findForUpdate(
    organisationId: string,
    id: string,
    manager: EntityManager,
  ): Promise<IssuedCredentialEntity | null> {
    return this.repo(manager).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** When the credential was revoked, if it was (public verification: the reason is never read). */
  async findRevokedAt(organisationId: string, id: string): Promise<Date | null> {
    const found = await this.repo().findOne({
      select: { id: true, revokedAt: true },
      where: { organisationId, id },
    });
    return found?.revokedAt ?? null;
  }

  async revoke(
    organisationId: string,
    id: string,
    revocation: CredentialRevocation,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, revocation);
  }

  findForSubject(organisationId: string, subjectUserId: string): Promise<IssuedCredentialEntity[]> {
    return this.repo().find({
      where: { organisationId, subjectUserId },
      order: { issuedAt: 'DESC', id: 'ASC' },
    });
  }
}
