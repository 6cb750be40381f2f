import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { assertErasureAllowed, DomainError } from '#app/domain';
import {
  AuditEventRepository,
  MembershipRepository,
  OrganisationRepository,
  SUBJECT_ACCESS_SOURCES,
  SubjectAccessRepository,
  type SubjectAccessExportEntity,
} from '#app/persistence';
import { hasAnyRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { describeSafely } from '../../graphql/format-error.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
import { JobQueueService } from '../notifications/job-queue.service.js';
import { ArchiveWriter } from './archive-writer.js';

export const SUBJECT_ACCESS_QUEUE = 'subject-access-export';

/**
 * Subject access (UK GDPR art. 15) and erasure (art. 17) for one organisation's records:
 * - an export is asked for through GraphQL, made by the job queue (a zip of JSON records, one file
 *   per kind, and the attachment files), and downloaded by whoever asked or the person it is about;
 * - an ORG_ADMIN erases a person who has left, once the organisation's leaver retention period has
 *   ended and no legal hold is in place, keeping only what the organisation must, pseudonymised.
 */
@Injectable()
export class SubjectAccessService implements OnModuleInit {
  private readonly logger = new Logger(SubjectAccessService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly records: SubjectAccessRepository,
    private readonly memberships: MembershipRepository,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditEventRepository,
    private readonly storage: AttachmentStorage,
    private readonly jobs: JobQueueService,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.registerQueue(SUBJECT_ACCESS_QUEUE, (data) =>
      this.produce(String(data.organisationId), String(data.exportId)),
    );
  }

  async request(principal: Principal, userId?: string | null): Promise<SubjectAccessExportEntity> {
    const subjectUserId = userId ?? principal.userId;
    await this.requireSubject(principal, subjectUserId, 'input.userId');
    const created = await this.dataSource.transaction(async (manager) => {
      const row = await this.records.insertExport(
        {
          organisationId: principal.organisationId,
          subjectUserId,
          requestedByUserId: principal.userId,
          requestedAt: this.clock.now(),
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: subjectUserId === principal.userId ? (principal.roles[0] ?? 'UNKNOWN') : 'ORG_ADMIN',
          action: 'SUBJECT_ACCESS_REQUESTED',
          entityType: 'SUBJECT_ACCESS_EXPORT',
          entityId: row.id,
          subjectUserId,
          changes: {},
        },
        manager,
      );
      return row;
    });
    await this.jobs.send(SUBJECT_ACCESS_QUEUE, {
      organisationId: principal.organisationId,
      exportId: created.id,
    });
    return created;
  }

  async list(principal: Principal, userId?: string | null): Promise<SubjectAccessExportEntity[]> {
    const subjectUserId = userId ?? principal.userId;
    await this.requireSubject(principal, subjectUserId, 'userId');
    return this.records.findExportsFor(principal.organisationId, subjectUserId);
  }

  /**
   * Makes the archive (the job queue's work; callable directly). Claims the export first, so two
   * workers never make the same one; a failure marks it FAILED and is retried by the queue.
   */
  async produce(organisationId: string, exportId: string): Promise<void> {
    const claimed = await this.records.transition(organisationId, exportId, ['QUEUED', 'FAILED'], {
      status: 'RUNNING',
    });
    if (!claimed) return;
    const row = (await this.records.findExport(organisationId, exportId))!;
    const key = `${organisationId}/${exportId}.zip`;
    const path = this.pathOf(key);
    const temporary = `${path}.${randomUUID()}.part`;
    try {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const data = await this.records.collect(organisationId, row.subjectUserId);
      const organisation = await this.organisations.findById(organisationId);
      const archive = new ArchiveWriter(temporary);
      const contents: Record<string, number> = {};
      for (const source of SUBJECT_ACCESS_SOURCES) {
        contents[source.kind] = data[source.kind].length;
        archive.addJson(`records/${source.kind}.json`, data[source.kind]);
      }
      const missingFiles: string[] = [];
      for (const attachment of data.attachments) {
        const name = `attachments/${String(attachment.id)}-${safeFileName(String(attachment.file_name))}`;
        const stream = await this.storage.open(String(attachment.storage_key)).catch(() => null);
        if (stream) await archive.addStream(name, stream);
        else missingFiles.push(String(attachment.id));
      }
      contents.attachmentFiles = data.attachments.length - missingFiles.length;
      archive.addJson('subject-access-export.json', {
        exportId,
        organisation: organisation?.name ?? null,
        subjectUserId: row.subjectUserId,
        requestedAt: row.requestedAt,
        generatedAt: this.clock.now(),
        contents,
        missingAttachmentFiles: missingFiles,
        about:
          'Everything this organisation holds about you in Pathways: one JSON file per kind of record under records/, attachment files under attachments/. Comments you wrote on other people’s evidence and notes of supervision you led are left out, as they are about them; secrets (password and sign-in token hashes) are never exported.',
      });
      const { sizeBytes, sha256 } = await archive.finish();
      await rename(temporary, path);
      await this.records.transition(organisationId, exportId, ['RUNNING'], {
        status: 'READY',
        storageKey: key,
        sizeBytes,
        sha256,
        contents,
        completedAt: this.clock.now(),
      });
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      await this.records.transition(organisationId, exportId, ['RUNNING'], { status: 'FAILED' });
      this.logger.error(
        `subject access export failed: ${JSON.stringify(describeSafely(error, { frames: !this.config.isProduction }))}`,
      );
      throw error;
    }
  }

  /** The archive, for the person who asked, the person it is about, or an ORG_ADMIN. */
  async open(
    principal: Principal,
    exportId: string,
  ): Promise<{ row: SubjectAccessExportEntity; stream: Readable }> {
    const row = await this.records.findExport(principal.organisationId, exportId);
    // The archive is the subject's own data: the same rule as asking for it.
    const allowed = row && (await this.access.find(principal, row.subjectUserId, 'SUBJECT_ACCESS')) !== null;
    if (!row || !allowed) {
      throw new DomainError('SUBJECT_ACCESS_EXPORT_NOT_FOUND', 'No such export for you.', 'id');
    }
    if (row.status !== 'READY' || !row.storageKey) {
      throw new DomainError('SUBJECT_ACCESS_EXPORT_NOT_READY', 'The export is not ready yet.', 'id', {
        status: row.status,
      });
    }
    await stat(this.pathOf(row.storageKey));
    await this.audit.recordAudit({
      organisationId: principal.organisationId,
      actorUserId: principal.userId,
      actorRole: principal.roles[0] ?? 'UNKNOWN',
      action: 'SUBJECT_ACCESS_EXPORT_DOWNLOADED',
      entityType: 'SUBJECT_ACCESS_EXPORT',
      entityId: row.id,
      subjectUserId: row.subjectUserId,
      changes: {},
    });
    return { row, stream: createReadStream(this.pathOf(row.storageKey)) };
  }

  async erase(principal: Principal, userId: string) {
    if (!hasAnyRole(principal, ['ORG_ADMIN'])) {
      throw new DomainError('ROLE_REQUIRED', 'Only an administrator may erase a person.');
    }
    if (userId === principal.userId) {
      throw new DomainError('ERASURE_NOT_ALLOWED', 'You cannot erase yourself.', 'input.userId');
    }
    const { organisationId } = principal;
    const exportsBefore = await this.records.findExportsFor(organisationId, userId);
    const result = await this.dataSource.transaction(async (manager) => {
      // Locked: a legal hold placed meanwhile waits for this, or this sees it.
      const membership = await this.memberships.lockForUser(organisationId, userId, manager);
      if (!membership)
        throw new DomainError('USER_NOT_FOUND', 'No such person in your organisation.', 'input.userId');
      const organisation = await this.organisations.findById(organisationId, manager);
      assertErasureAllowed({
        membership: {
          active: membership.active,
          endsOn: membership.endsOn,
          leaverRetentionDays: organisation!.leaverRetentionDays,
        },
        legalHoldReason: membership.legalHoldReason,
        today: this.clock.today(),
      });
      const tag = createHash('sha256').update(userId).digest('hex').slice(0, 8);
      const counts = await this.records.erase(
        organisationId,
        userId,
        { fullName: `Former member ${tag}`, email: `erased-${userId}@erased.invalid` },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: 'ORG_ADMIN',
          action: 'PERSON_ERASED',
          entityType: 'USER',
          entityId: userId,
          subjectUserId: userId,
          changes: {
            deleted: counts.deleted,
            retained: counts.retained,
            profilePseudonymised: counts.profilePseudonymised,
          },
        },
        manager,
      );
      return counts;
    });
    // Files go once the rows are gone for good.
    for (const key of result.orphanedStorageKeys) await this.storage.remove(key).catch(() => undefined);
    for (const e of exportsBefore) if (e.storageKey) await rm(this.pathOf(e.storageKey), { force: true });
    return {
      userId,
      profilePseudonymised: result.profilePseudonymised,
      deleted: result.deleted,
      retained: result.retained,
    };
  }

  private async requireSubject(principal: Principal, subjectUserId: string, field: string): Promise<void> {
    const decision = await this.access.decide(principal, subjectUserId, 'SUBJECT_ACCESS');
    if (decision.allowed) return;
    if (decision.refusal === 'NOT_IN_ORGANISATION' && hasAnyRole(principal, ['ORG_ADMIN'])) {
      throw new DomainError('USER_NOT_FOUND', 'No such person in your organisation.', field);
    }
    throw new DomainError('ACCESS_DENIED', 'Only the person or an administrator may see this.', field);
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}\.zip$/.test(key)) throw new Error('malformed export key');
    return join(this.config.exports.dir, key);
  }
}

function safeFileName(name: string): string {
  const cleaned = [...name].filter((c) => c >= ' ' && c !== '\u007f' && c !== '/' && c !== '\\').join('');
  return cleaned.slice(0, 120) || 'file';
}
