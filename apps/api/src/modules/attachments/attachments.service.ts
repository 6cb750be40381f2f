import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '#app/domain';
import {
  AttachmentRepository,
  AuditEventRepository,
  EvidenceRepository,
  type AttachmentEntity,
} from '#app/persistence';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { actingRole, type Principal } from '../../auth/principal.js';
import { EvidenceService } from '../portfolio/evidence.service.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { ALLOWED_ATTACHMENT_TYPES } from './allowed-attachment-types.js';
import { AttachmentStorage } from './attachment-storage.js';

/** Files on evidence: added to and removed from drafts, read exactly as the evidence may be read. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attachments: AttachmentRepository,
    private readonly evidence: EvidenceRepository,
    private readonly evidenceCommands: EvidenceService,
    private readonly access: AccessPolicyService,
    private readonly audit: AuditEventRepository,
    private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.attachments.maxBytes;
  }

  async add(
    principal: Principal,
    evidenceId: string,
    fileName: string,
    bytes: Buffer,
  ): Promise<AttachmentEntity> {
    if (bytes.length === 0) {
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', 'The file is empty.', 'file');
    }
    if (bytes.length > this.maxBytes) throw this.tooLarge();
    const detected = await fileTypeFromBuffer(bytes);
    if (!detected || !ALLOWED_ATTACHMENT_TYPES.has(detected.mime)) {
      throw new DomainError(
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        'Attach a PDF, an image or an office document.',
        'file',
        { detected: detected?.mime ?? null },
      );
    }
    // Refuse before storing anything when the evidence cannot take a file.
    await this.dataSource.transaction((manager) => this.lockDraft(principal, evidenceId, manager));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = await this.storage.put(principal.organisationId, sha256, bytes);
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.lockDraft(principal, evidenceId, manager);
      const attachment = await this.attachments.insert(
        {
          organisationId: principal.organisationId,
          evidenceVersionId: draft.id,
          fileName,
          contentType: detected.mime,
          sizeBytes: bytes.length,
          sha256,
          storageKey,
          uploadedByUserId: principal.userId,
        },
        manager,
      );
      await this.evidenceCommands.rescanFileNames(draft, attachment, manager);
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['PRACTITIONER']),
          action: 'ATTACHMENT_ADDED',
          entityType: 'EVIDENCE',
          entityId: evidenceId,
          subjectUserId: draft.ownerUserId,
          changes: {
            attachmentId: attachment.id,
            versionNo: draft.versionNo,
            contentType: detected.mime,
            sizeBytes: bytes.length,
            sha256,
          },
        },
        manager,
      );
      return attachment;
    });
  }

  async remove(principal: Principal, attachmentId: string): Promise<AttachmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const attachment = await this.attachments.findById(principal.organisationId, attachmentId, manager);
      const version = attachment
        ? await this.evidence.findVersionById(principal.organisationId, attachment.evidenceVersionId)
        : null;
      if (!attachment || !version || version.ownerUserId !== principal.userId) {
        throw new DomainError(
          'ATTACHMENT_NOT_FOUND',
          'No such attachment on your evidence.',
          'input.attachmentId',
        );
      }
      const draft = await this.lockDraft(principal, version.evidenceId, manager);
      if (draft.id !== attachment.evidenceVersionId) {
        throw new DomainError(
          'EVIDENCE_NOT_EDITABLE',
          'This file belongs to an earlier version, which is kept as it was.',
          'input.attachmentId',
        );
      }
      await this.attachments.delete(principal.organisationId, attachmentId, manager);
      await this.evidenceCommands.rescanFileNames(draft, null, manager);
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['PRACTITIONER']),
          action: 'ATTACHMENT_REMOVED',
          entityType: 'EVIDENCE',
          entityId: version.evidenceId,
          subjectUserId: version.ownerUserId,
          changes: { attachmentId, versionNo: draft.versionNo },
        },
        manager,
      );
      return attachment;
    });
  }

  /** The file, if the caller may see the version it is attached to; otherwise not found. */
  async open(
    principal: Principal,
    attachmentId: string,
  ): Promise<{ attachment: AttachmentEntity; stream: Readable }> {
    const attachment = await this.attachments.findById(principal.organisationId, attachmentId);
    const version = attachment
      ? await this.evidence.findVersionById(principal.organisationId, attachment.evidenceVersionId)
      : null;
    const granted = version ? await this.access.find(principal, version.ownerUserId, 'READ_PORTFOLIO') : null;
    const visible =
      granted !== null &&
      version !== null &&
      (granted.visibility.kind === 'ALL' ||
        (version.reviewerUserId === granted.visibility.reviewerUserId && version.status !== 'DRAFT'));
    if (!attachment || !visible) {
      throw new DomainError('ATTACHMENT_NOT_FOUND', 'No such attachment that you may see.', 'attachmentId');
    }
    return { attachment, stream: await this.storage.open(attachment.storageKey) };
  }

  tooLarge(): DomainError {
    return new DomainError('ATTACHMENT_TOO_LARGE', `Files may be at most ${this.maxBytes} bytes.`, 'file', {
      maxBytes: this.maxBytes,
    });
  }

  private async lockDraft(
    principal: Principal,
    evidenceId: string,
    manager: import('typeorm').EntityManager,
  ) {
    return this.evidenceCommands.lockOwnDraft(principal, evidenceId, 'evidenceId', manager);
  }
}
