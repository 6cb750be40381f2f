import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertIdentifiersConfirmed, DomainError } from '#app/domain';
import {
  AuditEventRepository,
  CredentialFactsRepository,
  IssuedCredentialRepository,
  type IssuedCredentialEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { confirmedIdentifiers } from '../../common/confirmed-identifiers.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { CredentialStatusListsService } from './credential-status-lists.service.js';
import type { RevokeCredentialInput } from './dto/revoke-credential.input.js';
import { SigningKeysService } from './signing-keys.service.js';

const REVOKER_ROLES = ['PRINCIPAL_SOCIAL_WORKER', 'ASSESSOR', 'SUPERVISOR', 'PRACTICE_EDUCATOR'] as const;

/**
 * Revokes a credential: a PSW of the organisation, or whoever made the decision it attests,
 * records why; the credential's status list bit is set and the list signed again, so any
 * verifier holding the token learns it no longer stands. The reason stays inside the organisation.
 */
@Injectable()
export class CredentialRevocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: IssuedCredentialRepository,
    private readonly facts: CredentialFactsRepository,
    private readonly statusLists: CredentialStatusListsService,
    private readonly keys: SigningKeysService,
    private readonly audit: AuditEventRepository,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  async revoke(principal: Principal, input: RevokeCredentialInput): Promise<IssuedCredentialEntity> {
    const note = input.note?.trim() || null;
    const confirmed = assertIdentifiersConfirmed([['note', note]], input.confirmNoIdentifiers);
    const { organisationId } = principal;
    return this.dataSource.transaction(async (manager) => {
      // Scoped to the caller's organisation: another organisation's credential is not found.
      const credential = await this.credentials.findForUpdate(organisationId, input.credentialId, manager);
      if (!credential) {
        throw new DomainError(
          'CREDENTIAL_NOT_FOUND',
          'No such credential in your organisation.',
          'input.credentialId',
        );
      }
      await this.access.require(
        principal,
        credential.subjectUserId,
        'REVOKE_CREDENTIAL',
        {
          field: 'input.credentialId',
          message:
            'Only a Principal Social Worker or the person who made the decision may revoke this credential.',
        },
        { manager, deciderUserId: await this.deciderOf(credential, manager) },
      );
      if (credential.revokedAt) {
        throw new DomainError(
          'CREDENTIAL_ALREADY_REVOKED',
          'This credential has already been revoked.',
          'input.credentialId',
          { revokedAt: credential.revokedAt.toISOString() },
        );
      }
      return this.revokeLocked(principal, credential, { reason: input.reason, note, confirmed }, manager);
    });
  }

  /**
   * Inside the caller's transaction: revokes every credential still standing for an approval that
   * has just been overturned (reconciling a disputed sign-off), as APPROVAL_OVERTURNED. The caller
   * has decided the overturn; who may revoke is that decision's rule, not REVOKE_CREDENTIAL's.
   */
  async revokeForOverturnedSignOff(
    principal: Principal,
    reviewId: string,
    manager: EntityManager,
  ): Promise<number> {
    const issued = await this.credentials.findBySources(
      principal.organisationId,
      'EVIDENCE_SIGN_OFF',
      [reviewId],
      manager,
    );
    let revoked = 0;
    for (const { id } of issued) {
      // Locked and read again, so a revocation made meanwhile by hand is neither repeated nor overwritten.
      const credential = await this.credentials.findForUpdate(principal.organisationId, id, manager);
      if (!credential || credential.revokedAt) continue;
      await this.revokeLocked(
        principal,
        credential,
        { reason: 'APPROVAL_OVERTURNED', note: null, confirmed: [] },
        manager,
      );
      revoked += 1;
    }
    return revoked;
  }

  /** Records the revocation, sets the status list bit and audits it. */
  private async revokeLocked(
    principal: Principal,
    credential: IssuedCredentialEntity,
    why: {
      reason: RevokeCredentialInput['reason'];
      note: string | null;
      confirmed: ReturnType<typeof assertIdentifiersConfirmed>;
    },
    manager: EntityManager,
  ): Promise<IssuedCredentialEntity> {
    const { organisationId } = principal;
    const { reason, note, confirmed } = why;
    const revocation = {
      revokedAt: this.clock.now(),
      revokedByUserId: principal.userId,
      revocationReason: reason,
      revocationNote: note,
    };
    await this.credentials.revoke(organisationId, credential.id, revocation, manager);
    if (credential.statusListId !== null && credential.statusListIndex !== null) {
      const key = await this.keys.activeKey(organisationId, manager);
      await this.statusLists.markRevoked(
        organisationId,
        { statusListId: credential.statusListId, statusListIndex: credential.statusListIndex },
        key,
        manager,
      );
    }
    await this.audit.recordAudit(
      {
        organisationId,
        actorUserId: principal.userId,
        actorRole: actingRole(principal, REVOKER_ROLES),
        action: 'CREDENTIAL_REVOKED',
        entityType: 'ISSUED_CREDENTIAL',
        entityId: credential.id,
        subjectUserId: credential.subjectUserId,
        changes: {
          kind: credential.kind,
          sourceId: credential.sourceId,
          reason,
          withNote: note !== null,
          statusListIndex: credential.statusListIndex,
          ...confirmedIdentifiers(confirmed),
        },
      },
      manager,
    );
    return { ...credential, ...revocation };
  }

  /** Who made the decision the credential attests: the reviewer, the panel decider, the verifier. */
  private async deciderOf(
    credential: IssuedCredentialEntity,
    manager: EntityManager,
  ): Promise<string | null> {
    const { organisationId, sourceId } = credential;
    if (credential.kind === 'EVIDENCE_SIGN_OFF') {
      const [signOff] = await this.facts.findSignOffs(organisationId, { reviewIds: [sourceId] }, manager);
      return signOff?.reviewerUserId ?? null;
    }
    if (credential.kind === 'STAGE_AWARD') {
      const [stage] = await this.facts.findStageAwards(organisationId, [sourceId], manager);
      return stage?.decidedByUserId ?? null;
    }
    const [qualification] = await this.facts.findQualifications(organisationId, [sourceId], manager);
    return qualification?.verifiedByUserId ?? null;
  }
}
