import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { OrganisationRepository, SigningKeyRepository, type SigningKeyEntity } from '#app/persistence';
import { VC_CONTEXT, OB3_CONTEXT } from '#app/domain';
import { issuerUrlOf } from './issuer-urls.js';
import { Clock } from '../../common/clock.js';
import { KeyEncryption } from './key-encryption.js';

export const SIGNING_ALGORITHM = 'EdDSA';

export interface ActiveSigningKey {
  kid: string;
  algorithm: string;
  privateKey: CryptoKey | Uint8Array;
}

/**
 * Organisations' credential signing keys: made on first use, rotated on request. Private keys are
 * stored encrypted and opened only to sign; public keys stay, so a rotation never invalidates
 * what was signed before.
 */
@Injectable()
export class SigningKeysService {
  private readonly logger = new Logger(SigningKeysService.name);
  private readonly encryption: KeyEncryption;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeyRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {
    this.encryption = new KeyEncryption(config.credentials.keySecret);
  }

  /** The organisation's active key, opened for signing; made (or replaced) inside the caller's transaction. */
  async activeKey(organisationId: string, manager: EntityManager): Promise<ActiveSigningKey> {
    await this.keys.lockOrganisationKeys(organisationId, manager);
    const active = await this.keys.findActive(organisationId, manager);
    if (active) {
      const opened = this.encryption.open(organisationId, active.kid, active.encryptedPrivateKey);
      if (opened) {
        return {
          kid: active.kid,
          algorithm: active.algorithm,
          privateKey: await importJWK(JSON.parse(opened) as JWK, active.algorithm),
        };
      }
      // The secret changed (outside production it is generated per run): keep the public half for
      // verification and sign with a fresh key from now on.
      this.logger.warn('a signing key did not open with the configured secret; rotating to a new key');
      await this.keys.retire(organisationId, active.kid, this.clock.now(), manager);
    }
    const created = await this.create(organisationId, manager);
    return { kid: created.entity.kid, algorithm: SIGNING_ALGORITHM, privateKey: created.privateKey };
  }

  /** Retires the active key (if any) and makes a new one; returns the new key. */
  async rotate(
    organisationId: string,
    manager: EntityManager,
  ): Promise<{ retired: string | null; key: SigningKeyEntity }> {
    await this.keys.lockOrganisationKeys(organisationId, manager);
    const active = await this.keys.findActive(organisationId, manager);
    if (active) await this.keys.retire(organisationId, active.kid, this.clock.now(), manager);
    const created = await this.create(organisationId, manager);
    return { retired: active?.kid ?? null, key: created.entity };
  }

  /** Public keys of an organisation, active and retired, as a JWK set. */
  async publicKeySet(organisationId: string): Promise<{ keys: JWK[] }> {
    const keys = await this.keys.findForOrganisation(organisationId);
    return { keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: k.algorithm, use: 'sig' })) };
  }

  /** The organisation as an Open Badges 3.0 issuer Profile, or 404 for an id that is not one. */
  async issuerProfile(organisationId: string): Promise<Record<string, unknown>> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw new NotFoundException('No such issuer.');
    const id = issuerUrlOf(this.config.publicBaseUrl, organisationId);
    return {
      '@context': [VC_CONTEXT, OB3_CONTEXT],
      id,
      type: ['Profile'],
      name: organisation.name,
      url: id,
    };
  }

  private async create(organisationId: string, manager: EntityManager) {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const kid = randomBytes(16).toString('base64url');
    const privateJwk = await exportJWK(privateKey);
    const entity = await this.keys.insert(
      {
        kid,
        organisationId,
        algorithm: SIGNING_ALGORITHM,
        publicJwk: await exportJWK(publicKey),
        encryptedPrivateKey: this.encryption.seal(organisationId, kid, JSON.stringify(privateJwk)),
      },
      manager,
    );
    return { entity, privateKey };
  }
}
