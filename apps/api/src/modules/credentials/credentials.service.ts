import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditEventRepository,
  IssuedCredentialRepository,
  type IssuedCredentialEntity,
} from '#app/persistence';
import type { Principal } from '../../auth/principal.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import type { SigningKeyRotation } from './models/credential.model.js';
import { SIGNING_ALGORITHM, SigningKeysService } from './signing-keys.service.js';

/** Listing a practitioner's credentials and rotating the organisation's key. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: IssuedCredentialRepository,
    private readonly keys: SigningKeysService,
    private readonly audit: AuditEventRepository,
    private readonly access: AccessPolicyService,
  ) {}

  async forPractitioner(principal: Principal, userId: string): Promise<IssuedCredentialEntity[]> {
    await this.access.require(principal, userId, 'READ_CREDENTIALS', {
      field: 'practitionerUserId',
      message: 'You may not see this practitioner’s credentials.',
    });
    return this.credentials.findForSubject(principal.organisationId, userId);
  }

  rotate(principal: Principal): Promise<SigningKeyRotation> {
    return this.dataSource.transaction(async (manager) => {
      const { retired, key } = await this.keys.rotate(principal.organisationId, manager);
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: 'ORG_ADMIN',
          action: 'SIGNING_KEY_ROTATED',
          entityType: 'SIGNING_KEY',
          entityId: principal.organisationId,
          subjectUserId: null,
          changes: { retiredKeyId: retired, keyId: key.kid },
        },
        manager,
      );
      return {
        keyId: key.kid,
        retiredKeyId: retired,
        algorithm: SIGNING_ALGORITHM,
        createdAt: key.createdAt,
      };
    });
  }
}
