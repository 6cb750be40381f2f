import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertFrameworkAlignment, DomainError } from '#app/domain';
import { AuditEventRepository, FrameworkAlignmentRepository } from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import type { AddFrameworkAlignmentInput } from './dto/add-framework-alignment.input.js';
import type { RemoveFrameworkAlignmentInput } from './dto/remove-framework-alignment.input.js';
import type { UpdateFrameworkAlignmentInput } from './dto/update-framework-alignment.input.js';
import { toFrameworkItemAlignment } from './framework-alignment.mapper.js';
import type { FrameworkItemAlignment } from './models/framework-alignment.model.js';

export const ALIGNMENT_ROLES = ['PRINCIPAL_SOCIAL_WORKER'] as const;

/**
 * An organisation's links between framework items, added and removed by its PSWs. Each is checked
 * by the domain rule, written with its audit entry in one transaction; a refusal writes nothing.
 */
@Injectable()
export class FrameworkAlignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alignments: FrameworkAlignmentRepository,
    private readonly audit: AuditEventRepository,
  ) {}

  async add(principal: Principal, input: AddFrameworkAlignmentInput): Promise<FrameworkItemAlignment> {
    const { organisationId } = principal;
    const id = await this.dataSource.transaction(async (manager) => {
      const items = await this.alignments.findItemOwners([input.fromItemId, input.toItemId], manager);
      const { type, source } = assertFrameworkAlignment(organisationId, input, items);
      const link = { fromItemId: input.fromItemId, toItemId: input.toItemId, type };
      if (await this.alignments.exists(organisationId, link, manager)) {
        throw new DomainError(
          'FRAMEWORK_ALIGNMENT_EXISTS',
          'Your organisation already links these items this way.',
          'input.toItemId',
        );
      }
      const saved = await this.alignments.insert(
        organisationId,
        { ...link, confirmed: input.confirmed, source, createdByUserId: principal.userId },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ALIGNMENT_ROLES),
          action: 'FRAMEWORK_ALIGNMENT_ADDED',
          entityType: 'FRAMEWORK_ALIGNMENT',
          entityId: saved.id,
          subjectUserId: null,
          changes: { ...link, confirmed: input.confirmed, source },
        },
        manager,
      );
      return saved.id;
    });
    const rows = await this.alignments.findFromItems(organisationId, [input.fromItemId]);
    return toFrameworkItemAlignment(rows.find((r) => r.id === id)!);
  }

  /** Confirms a link or corrects its source, checked by the same rule as a new link. */
  async update(principal: Principal, input: UpdateFrameworkAlignmentInput): Promise<FrameworkItemAlignment> {
    const { organisationId } = principal;
    const found = await this.dataSource.transaction(async (manager) => {
      const link = await this.alignments.findById(organisationId, input.alignmentId, manager);
      if (!link) {
        throw new DomainError(
          'FRAMEWORK_ALIGNMENT_NOT_FOUND',
          'There is no such link between framework items.',
          'input.alignmentId',
        );
      }
      const items = await this.alignments.findItemOwners([link.fromItemId, link.toItemId], manager);
      const { source } = assertFrameworkAlignment(
        organisationId,
        {
          fromItemId: link.fromItemId,
          toItemId: link.toItemId,
          type: link.type,
          confirmed: input.confirmed,
          source: input.source,
        },
        items,
      );
      await this.alignments.update(organisationId, link.id, { confirmed: input.confirmed, source }, manager);
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ALIGNMENT_ROLES),
          action: 'FRAMEWORK_ALIGNMENT_UPDATED',
          entityType: 'FRAMEWORK_ALIGNMENT',
          entityId: link.id,
          subjectUserId: null,
          changes: {
            confirmed: { from: link.confirmed, to: input.confirmed },
            source: { from: link.source, to: source },
          },
        },
        manager,
      );
      return link;
    });
    const rows = await this.alignments.findFromItems(organisationId, [found.fromItemId]);
    return toFrameworkItemAlignment(rows.find((r) => r.id === found.id)!);
  }

  async remove(principal: Principal, input: RemoveFrameworkAlignmentInput): Promise<FrameworkItemAlignment> {
    const { organisationId } = principal;
    return this.dataSource.transaction(async (manager) => {
      const found = await this.alignments.findById(organisationId, input.alignmentId, manager);
      if (!found) {
        throw new DomainError(
          'FRAMEWORK_ALIGNMENT_NOT_FOUND',
          'There is no such link between framework items.',
          'input.alignmentId',
        );
      }
      const [row] = (await this.alignments.findFromItems(organisationId, [found.fromItemId])).filter(
        (r) => r.id === found.id,
      );
      await this.alignments.delete(organisationId, found.id, manager);
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ALIGNMENT_ROLES),
          action: 'FRAMEWORK_ALIGNMENT_REMOVED',
          entityType: 'FRAMEWORK_ALIGNMENT',
          entityId: found.id,
          subjectUserId: null,
          changes: {
            fromItemId: found.fromItemId,
            toItemId: found.toItemId,
            type: found.type,
            confirmed: found.confirmed,
            source: found.source,
          },
        },
        manager,
      );
      return toFrameworkItemAlignment(row!);
    });
  }
}
