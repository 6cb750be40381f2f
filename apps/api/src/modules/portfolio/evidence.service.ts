import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertCanSubmit,
  assertCpdActivityType,
  assertEvidenceDates,
  assessmentContextFor,
  DomainError,
  planEvidenceEdit,
  scanForIdentifiers,
  transitionEvidence,
  type AuditAction,
} from '#app/domain';
import {
  AssessorRelationshipRepository,
  AttachmentRepository,
  AuditEventRepository,
  EvidenceMappingRepository,
  EvidenceRepository,
  type EvidenceVersionEntity,
  type NewEvidenceVersion,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { decimalHoursFromHours } from '../../common/hours.js';
import type { CreateEvidenceInput } from './dto/create-evidence.input.js';
import type { SubmitEvidenceInput } from './dto/submit-evidence.input.js';
import type { UpdateEvidenceInput } from './dto/update-evidence.input.js';
import type { WithdrawEvidenceInput } from './dto/withdraw-evidence.input.js';
import {
  applyChanges,
  changedFields,
  describeChanges,
  rationales,
  scanFileNames,
  scanVersion,
  TEXT_FIELDS,
  toResolved,
  type EvidenceContent,
} from './evidence-content.js';
import { MappingTargetsService, type ResolvedMapping } from './mapping-targets.service.js';

/**
 * The practitioner's side of the portfolio: record, edit, submit and withdraw evidence. Each command
 * runs in one transaction with its audit record, so a refusal leaves nothing behind.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly mappings: EvidenceMappingRepository,
    private readonly attachments: AttachmentRepository,
    private readonly relationships: AssessorRelationshipRepository,
    private readonly audit: AuditEventRepository,
    private readonly targets: MappingTargetsService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: CreateEvidenceInput): Promise<EvidenceVersionEntity> {
    const content: EvidenceContent = {
      kind: input.kind,
      cpdActivityType: input.cpdActivityType ?? null,
      title: input.title.trim(),
      dateFrom: input.dateFrom,
      dateTo: input.dateTo ?? null,
      hours: input.hours === undefined || input.hours === null ? null : decimalHoursFromHours(input.hours),
      description: input.description,
      learning: input.learning,
      impact: input.impact,
      peerReflection: input.peerReflection?.text ?? null,
      peerRole: input.peerReflection?.peerRole ?? null,
      peerDiscussedOn: input.peerReflection?.discussedOn ?? null,
    };
    this.checkContent(content);
    const resolved = await this.targets.resolve(input.mappings, 'input.mappings', principal.organisationId);
    return this.dataSource.transaction((manager) =>
      this.createDraft(
        principal,
        { content, mappings: resolved, confirmNoIdentifiers: input.confirmNoIdentifiers },
        manager,
      ),
    );
  }

  /**
   * Writes a new piece of the caller's evidence as its first version, a draft, inside the caller's
   * transaction: the one writer of new evidence (recorded directly, or from a supervision). Its text is
   * scanned for identifiers; `audit` adds to what the EVIDENCE_CREATED record says.
   */
  async createDraft(
    principal: Principal,
    draft: {
      content: EvidenceContent;
      mappings: readonly ResolvedMapping[];
      confirmNoIdentifiers: boolean;
      audit?: Record<string, unknown>;
    },
    manager: EntityManager,
  ): Promise<EvidenceVersionEntity> {
    const { organisationId, userId } = principal;
    const { content, mappings } = draft;
    const evidence = await this.evidence.insertEvidence(organisationId, userId, manager);
    const warnings = scanVersion(content, mappings, []);
    const version = await this.evidence.insertVersion(
      {
        organisationId,
        evidenceId: evidence.id,
        ownerUserId: userId,
        versionNo: 1,
        status: 'DRAFT',
        ...content,
        identifierWarnings: warnings,
        identifiersConfirmed: warnings.length > 0 && draft.confirmNoIdentifiers,
        reviewerUserId: null,
        assessmentContext: null,
        submittedAt: null,
        createdByUserId: userId,
      },
      manager,
    );
    if (mappings.length > 0) await this.replaceMappings(version, mappings, manager);
    await this.record(
      principal,
      'EVIDENCE_CREATED',
      version,
      { versionNo: 1, kind: content.kind, mappings: mappings.length, ...draft.audit },
      manager,
    );
    return version;
  }

  /** Edits a draft in place; editing a decided version starts the next version as a draft. */
  async update(principal: Principal, input: UpdateEvidenceInput): Promise<EvidenceVersionEntity> {
    const resolved = input.mappings
      ? await this.targets.resolve(input.mappings, 'input.mappings', principal.organisationId)
      : null;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockOwnCurrent(principal, input.evidenceId, manager);
      if (input.expectedRevision != null && input.expectedRevision !== current.revision) {
        throw staleVersion(current);
      }
      const plan = planEvidenceEdit(current.status);
      const content = applyChanges(current, input);
      this.checkContent(content);
      const changed = changedFields(current, content, resolved !== null);
      const currentMappings = await this.mappings.findByVersionIds(
        principal.organisationId,
        [current.id],
        manager,
      );
      const mappings = resolved ?? currentMappings.map(toResolved);
      const files = await this.attachments.findByVersionIds(principal.organisationId, [current.id], manager);
      const warnings = scanVersion(content, mappings, files);
      // A confirmation covers the text it was given for: new wording (a rationale included) needs a new one.
      const textChanged =
        changed.some((f) => (TEXT_FIELDS as readonly string[]).includes(f)) ||
        JSON.stringify(rationales(mappings)) !== JSON.stringify(rationales(currentMappings));
      const identifiersConfirmed =
        warnings.length > 0 &&
        (input.confirmNoIdentifiers ?? (textChanged ? false : current.identifiersConfirmed));

      if (plan === 'EDIT_IN_PLACE') {
        const saved = await this.evidence.updateVersionIf(
          principal.organisationId,
          current.id,
          { status: 'DRAFT', revision: current.revision },
          { ...content, identifierWarnings: warnings, identifiersConfirmed, revision: current.revision + 1 },
          manager,
        );
        if (!saved) throw staleVersion(current);
        if (resolved) await this.replaceMappings(current, resolved, manager);
        const updated = (await this.evidence.lockVersion(principal.organisationId, current.id, manager))!;
        await this.record(
          principal,
          'EVIDENCE_EDITED',
          updated,
          describeChanges(current, content, changed),
          manager,
        );
        return updated;
      }

      const next = await this.evidence.insertVersion(
        {
          organisationId: principal.organisationId,
          evidenceId: current.evidenceId,
          ownerUserId: current.ownerUserId,
          versionNo: current.versionNo + 1,
          status: 'DRAFT',
          ...content,
          identifierWarnings: warnings,
          identifiersConfirmed,
          reviewerUserId: null,
          assessmentContext: null,
          submittedAt: null,
          createdByUserId: principal.userId,
        } satisfies NewEvidenceVersion,
        manager,
      );
      await this.replaceMappings(next, mappings, manager);
      await this.attachments.copyToVersion(principal.organisationId, current.id, next.id, manager);
      await this.record(
        principal,
        'EVIDENCE_VERSION_CREATED',
        next,
        {
          versionNo: next.versionNo,
          previousVersionNo: current.versionNo,
          previousStatus: current.status,
          ...describeChanges(current, content, changed),
        },
        manager,
      );
      return next;
    });
  }

  async submit(principal: Principal, input: SubmitEvidenceInput): Promise<EvidenceVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockOwnCurrent(principal, input.evidenceId, manager);
      const today = this.clock.today();
      const relationship = assertCanSubmit({
        actorUserId: principal.userId,
        ownerUserId: current.ownerUserId,
        reviewerUserId: input.reviewerUserId,
        asOf: today,
        evidenceDate: current.dateTo ?? current.dateFrom,
        relationships: await this.relationships.findForPractitioner(
          principal.organisationId,
          current.ownerUserId,
          manager,
        ),
      });
      const status = transitionEvidence(current.status, 'SUBMIT');
      const mappings = await this.mappings.findByVersionIds(principal.organisationId, [current.id], manager);
      if (mappings.length === 0) {
        throw new DomainError(
          'EVIDENCE_MAPPING_REQUIRED',
          'Map the evidence to at least one framework item before submitting it.',
          'input.evidenceId',
        );
      }
      if (current.identifierWarnings.length > 0 && !current.identifiersConfirmed) {
        throw new DomainError(
          'IDENTIFIERS_UNCONFIRMED',
          'The text may identify someone you work with: edit it, or confirm that nobody can be identified.',
          'input.evidenceId',
          { warnings: current.identifierWarnings.length },
        );
      }
      const assessmentContext = assessmentContextFor(relationship.capacity, input.assessmentContext);
      const submittedAt = this.clock.now();
      const saved = await this.evidence.updateVersionIf(
        principal.organisationId,
        current.id,
        { status: 'DRAFT', revision: current.revision },
        { status, reviewerUserId: input.reviewerUserId, assessmentContext, submittedAt },
        manager,
      );
      if (!saved) throw staleVersion(current);
      const submitted = {
        ...current,
        status,
        reviewerUserId: input.reviewerUserId,
        assessmentContext,
        submittedAt,
      };
      await this.record(
        principal,
        'EVIDENCE_SUBMITTED',
        submitted,
        {
          versionNo: current.versionNo,
          reviewerUserId: input.reviewerUserId,
          assessmentContext,
          capacity: relationship.capacity,
        },
        manager,
      );
      return submitted;
    });
  }

  async withdraw(principal: Principal, input: WithdrawEvidenceInput): Promise<EvidenceVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockOwnCurrent(principal, input.evidenceId, manager);
      const status = transitionEvidence(current.status, 'WITHDRAW');
      const saved = await this.evidence.updateVersionIf(
        principal.organisationId,
        current.id,
        { status: 'SUBMITTED' },
        { status, reviewerUserId: null, assessmentContext: null, submittedAt: null },
        manager,
      );
      if (!saved) throw staleVersion(current);
      const withdrawn = {
        ...current,
        status,
        reviewerUserId: null,
        assessmentContext: null,
        submittedAt: null,
      };
      await this.record(
        principal,
        'EVIDENCE_WITHDRAWN',
        withdrawn,
        { versionNo: current.versionNo, reviewerUserId: current.reviewerUserId },
        manager,
      );
      return withdrawn;
    });
  }

  /**
   * The caller's own draft, locked, for adding or removing a file: files go on a draft only, so any
   * other version is refused with EVIDENCE_NOT_EDITABLE (naming `field`, the request's evidence id).
   */
  async lockOwnDraft(
    principal: Principal,
    evidenceId: string,
    field: string,
    manager: EntityManager,
  ): Promise<EvidenceVersionEntity> {
    const current = await this.lockOwnCurrent(principal, evidenceId, manager);
    if (planEvidenceEdit(current.status) !== 'EDIT_IN_PLACE') {
      throw new DomainError(
        'EVIDENCE_NOT_EDITABLE',
        'Files can be added to a draft only: edit the evidence to start a new version first.',
        field,
        { status: current.status },
      );
    }
    return current;
  }

  /**
   * The newest version of the caller's own evidence, locked. Evidence of someone else reads as
   * not found (NOT_OWNER would confirm that it exists).
   */
  private async lockOwnCurrent(
    principal: Principal,
    evidenceId: string,
    manager: EntityManager,
  ): Promise<EvidenceVersionEntity> {
    const current = await this.evidence.lockCurrentVersion(principal.organisationId, evidenceId, manager);
    if (!current || current.ownerUserId !== principal.userId) {
      throw new DomainError('EVIDENCE_NOT_FOUND', 'No such evidence in your portfolio.', 'input.evidenceId');
    }
    return current;
  }

  /**
   * After a file is added to or removed from a draft: its file names are part of the version's text, so
   * their warnings are worked out again. A new file with a warning needs a new confirmation.
   */
  async rescanFileNames(
    draft: EvidenceVersionEntity,
    added: { fileName: string } | null,
    manager: EntityManager,
  ): Promise<void> {
    const files = await this.attachments.findByVersionIds(draft.organisationId, [draft.id], manager);
    const warnings = [
      ...draft.identifierWarnings.filter((w) => !w.field.startsWith('attachments[')),
      ...scanFileNames(files),
    ];
    const addedWarns = added !== null && scanForIdentifiers([['fileName', added.fileName]]).length > 0;
    await this.evidence.updateVersionIf(
      draft.organisationId,
      draft.id,
      { status: 'DRAFT' },
      {
        identifierWarnings: warnings,
        identifiersConfirmed: warnings.length > 0 && !addedWarns && draft.identifiersConfirmed,
      },
      manager,
    );
  }

  private checkContent(content: EvidenceContent): void {
    assertEvidenceDates(content.dateFrom, content.dateTo, this.clock.today());
    assertCpdActivityType(content.kind, content.cpdActivityType);
  }

  private async replaceMappings(
    version: EvidenceVersionEntity,
    resolved: readonly ResolvedMapping[],
    manager: EntityManager,
  ) {
    await this.mappings.replaceForVersion(
      version.organisationId,
      version.id,
      resolved.map((m, position) => ({
        organisationId: version.organisationId,
        evidenceVersionId: version.id,
        position,
        ...m,
      })),
      manager,
    );
  }

  private record(
    principal: Principal,
    action: AuditAction,
    version: Pick<EvidenceVersionEntity, 'organisationId' | 'evidenceId' | 'ownerUserId'>,
    changes: Record<string, unknown>,
    manager: EntityManager,
  ) {
    return this.audit.recordAudit(
      {
        organisationId: version.organisationId,
        actorUserId: principal.userId,
        actorRole: actingRole(principal, ['PRACTITIONER']),
        action,
        entityType: 'EVIDENCE',
        entityId: version.evidenceId,
        subjectUserId: version.ownerUserId,
        changes,
      },
      manager,
    );
  }
}

function staleVersion(current: EvidenceVersionEntity): DomainError {
  return new DomainError(
    'STALE_VERSION',
    'This evidence changed since you opened it; reload it and try again.',
    'input.expectedRevision',
    { currentRevision: current.revision, status: current.status },
  );
}
