import { Inject, Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import {
  allocateStatusIndices,
  buildStatusListCredential,
  isStatusBitSet,
  setStatusBit,
  statusBitstring,
  STATUS_LIST_LENGTH,
  type CredentialStatusSlot,
} from '#app/domain';
import { CredentialStatusListRepository, OrganisationRepository } from '#app/persistence';
import { Clock } from '../../common/clock.js';
import { issuerUrlOf, keyUrlOf, statusListUrlOf } from './issuer-urls.js';
import { signVcJwt } from './sign-vc-jwt.js';
import type { ActiveSigningKey } from './signing-keys.service.js';
import { encodeStatusList } from './status-list-encoding.js';

/** An entry given to a credential about to be signed. */
export interface AllocatedStatusEntry extends CredentialStatusSlot {
  statusListId: string;
}

const randomIndex = (size: number) => randomInt(size);

/**
 * Organisations' revocation lists (W3C Bitstring Status List): entries handed out at random as
 * credentials are issued, bits set as they are revoked, and each list published as a signed
 * BitstringStatusListCredential under the same key as the credentials. Callers hold the
 * organisation's signing-key lock (they fetched the active key), so lists open one at a time.
 */
@Injectable()
export class CredentialStatusListsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lists: CredentialStatusListRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {}

  /** `count` entries for new credentials, opening a new list whenever one fills up. */
  async allocate(
    organisationId: string,
    count: number,
    key: ActiveSigningKey,
    manager: EntityManager,
  ): Promise<AllocatedStatusEntry[]> {
    const entries: AllocatedStatusEntry[] = [];
    while (entries.length < count) {
      const list =
        (await this.lists.findOpenForUpdate(organisationId, manager)) ??
        (await this.open(organisationId, key, manager));
      const { indices, allocated } = allocateStatusIndices(
        list.allocated,
        count - entries.length,
        randomIndex,
      );
      await this.lists.updateAllocation(
        organisationId,
        list.id,
        { allocated: Buffer.from(allocated), allocatedCount: list.allocatedCount + indices.length },
        manager,
      );
      const url = statusListUrlOf(this.config.publicBaseUrl, organisationId, list.id);
      entries.push(
        ...indices.map((statusListIndex) => ({
          statusListId: list.id,
          statusListIndex,
          statusListCredential: url,
        })),
      );
    }
    return entries;
  }

  /** Sets a revoked credential's bit and signs the list again. */
  async markRevoked(
    organisationId: string,
    entry: { statusListId: string; statusListIndex: number },
    key: ActiveSigningKey,
    manager: EntityManager,
  ): Promise<void> {
    const list = await this.lists.findForUpdate(organisationId, entry.statusListId, manager);
    if (!list) throw new Error('a credential names a status list that does not exist');
    const revoked = setStatusBit(list.revoked, entry.statusListIndex);
    const signedAt = this.clock.now();
    const jwt = await this.sign(organisationId, list.id, revoked, key, signedAt);
    await this.lists.updatePublished(
      organisationId,
      list.id,
      { revoked: Buffer.from(revoked), jwt, signedAt },
      manager,
    );
  }

  /** The signed list credential, or null for a list that is not this organisation's. */
  async published(organisationId: string, listId: string): Promise<string | null> {
    return (await this.lists.findPublished(organisationId, listId))?.jwt ?? null;
  }

  /** Whether the list has the entry's revocation bit set (false for a list not found). */
  async isRevoked(organisationId: string, listId: string, index: number): Promise<boolean> {
    const list = await this.lists.findPublished(organisationId, listId);
    if (!list || !Number.isInteger(index) || index < 0 || index >= list.revoked.length * 8) return false;
    return isStatusBitSet(list.revoked, index);
  }

  private async open(organisationId: string, key: ActiveSigningKey, manager: EntityManager) {
    const id = randomUUID();
    const empty = statusBitstring(STATUS_LIST_LENGTH, []);
    const signedAt = this.clock.now();
    const list = {
      organisationId,
      id,
      length: STATUS_LIST_LENGTH,
      allocated: Buffer.from(empty),
      allocatedCount: 0,
      revoked: Buffer.from(empty),
      jwt: await this.sign(organisationId, id, empty, key, signedAt),
      signedAt,
    };
    await this.lists.insert(list, manager);
    return list;
  }

  private async sign(
    organisationId: string,
    listId: string,
    revoked: Uint8Array,
    key: ActiveSigningKey,
    signedAt: Date,
  ): Promise<string> {
    const organisation = await this.organisations.findById(organisationId);
    const issuer = issuerUrlOf(this.config.publicBaseUrl, organisationId);
    const url = statusListUrlOf(this.config.publicBaseUrl, organisationId, listId);
    const vc = buildStatusListCredential({
      url,
      issuer: { id: issuer, name: organisation!.name },
      validFrom: signedAt,
      encodedList: encodeStatusList(revoked),
    });
    return signVcJwt(vc, {
      key,
      keyUrl: keyUrlOf(this.config.publicBaseUrl, organisationId, key.kid),
      issuer,
      subject: `${url}#list`,
      jti: url,
      issuedAt: signedAt,
    });
  }
}
