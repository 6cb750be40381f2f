import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  parseCasePackage,
  toCasePackage,
  type FrameworkVersionContent,
  type ParsedCasePackage,
} from '#app/domain';
import {
  AuditEventRepository,
  FrameworkExchangeRepository,
  FrameworkRepository,
  splitAlignments,
  type FrameworkVersionEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { ReferenceCatalogueService } from '../progression/reference-catalogue.service.js';
import type { ImportCaseFrameworkInput } from './dto/import-case-framework.input.js';
import { nameBasedUuid } from './name-based-uuid.js';

export const IMPORT_ROLES = ['ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER'] as const;
const FIELD = 'input.caseJson';

/**
 * Framework versions in and out as 1EdTech CASE packages. An import always creates a new version
 * (of a framework the organisation owns; reference frameworks are never changed), after checking the
 * whole file and every alignment it makes to other frameworks; a refusal writes nothing.
 */
@Injectable()
export class FrameworkExchangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly frameworks: FrameworkRepository,
    private readonly exchange: FrameworkExchangeRepository,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
    private readonly catalogue: ReferenceCatalogueService,
  ) {}

  async exportVersion(
    organisationId: string,
    code: string,
    version: string,
  ): Promise<Record<string, unknown>> {
    const framework = await this.frameworks.findByCode(code, organisationId);
    const found = framework ? await this.frameworks.findVersion(framework.id, version) : null;
    if (!framework || !found) {
      throw new DomainError(
        'FRAMEWORK_NOT_FOUND',
        `There is no ${code} ${version}.`,
        framework ? 'version' : 'code',
      );
    }
    const [items, levels] = await Promise.all([
      this.frameworks.findItemsByVersionIds([found.id]),
      this.frameworks.findLevelsByVersionIds([found.id]),
    ]);
    const pathways = await this.frameworks.findPathwaysByLevelIds(levels.map((l) => l.id));
    const codeOf = new Map(items.map((i) => [i.id, i.code]));
    const content: FrameworkVersionContent = {
      framework: {
        code: framework.code,
        name: framework.name,
        owner: framework.owner,
        description: framework.description,
      },
      version: {
        version: found.version,
        status: found.status,
        effectiveFrom: found.effectiveFrom,
        effectiveTo: found.effectiveTo,
        notes: found.notes,
      },
      items: items.map((i) => ({
        code: i.code,
        kind: i.kind,
        parentCode: i.parentId ? (codeOf.get(i.parentId) ?? null) : null,
        ordinal: i.ordinal,
        title: i.title,
        description: i.description,
        confirmed: i.confirmed,
        ...splitAlignments(i.attributes),
      })),
      levels: levels.map((l) => ({
        code: l.code,
        ordinal: l.ordinal,
        name: l.name,
        group: l.groupName,
        description: l.description,
        confirmed: l.confirmed,
        pathways: pathways
          .filter((p) => p.frameworkLevelId === l.id)
          .map((p) => ({ code: p.code, name: p.name, description: p.description, confirmed: p.confirmed })),
      })),
    };
    return toCasePackage(content, nameBasedUuid);
  }

  async importVersion(
    principal: Principal,
    input: ImportCaseFrameworkInput,
  ): Promise<FrameworkVersionEntity> {
    const parsed = parseCasePackage(input.caseJson, {
      frameworkCode: input.frameworkCode,
      version: input.version,
      today: this.clock.today(),
      field: FIELD,
    });
    const { content } = parsed;
    const codeField = input.frameworkCode
      ? 'input.frameworkCode'
      : `${FIELD}.CFDocument.extensions.pathways.frameworkCode`;
    const versionField = input.version ? 'input.version' : `${FIELD}.CFDocument.version`;
    const { organisationId } = principal;
    await this.checkAlignments(organisationId, parsed);
    const imported = await this.dataSource.transaction(async (manager) => {
      await this.exchange.lockCode(organisationId, content.framework.code, manager);
      const existing = await this.exchange.findFrameworks(organisationId, content.framework.code, manager);
      if (existing.some((f) => f.organisationId === null)) {
        throw new DomainError(
          'FRAMEWORK_CODE_RESERVED',
          `${content.framework.code} is a reference framework shipped with Pathways; import under another code.`,
          codeField,
        );
      }
      const own = existing[0] ?? null;
      if (own && (await this.exchange.versionExists(own.id, content.version.version, manager))) {
        throw new DomainError(
          'FRAMEWORK_VERSION_EXISTS',
          `${content.framework.code} ${content.version.version} exists already; an import adds a new version and never changes one.`,
          versionField,
        );
      }
      const version = await this.exchange.insertVersion(organisationId, own?.id ?? null, content, manager);
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, IMPORT_ROLES),
          action: 'FRAMEWORK_IMPORTED',
          entityType: 'FRAMEWORK_VERSION',
          entityId: version.id,
          subjectUserId: null,
          changes: {
            frameworkCode: content.framework.code,
            version: content.version.version,
            newFramework: own === null,
            items: content.items.length,
            levels: content.levels.length,
          },
        },
        manager,
      );
      return version;
    });
    // Pathway criteria and eligibility can use the new version at once.
    this.catalogue.invalidate(organisationId);
    return imported;
  }

  /** Every alignment to another framework must name an item of a version the organisation can see. */
  private async checkAlignments(organisationId: string, parsed: ParsedCasePackage): Promise<void> {
    const codesByVersion = new Map<string, Set<string> | null>();
    for (const { alignment, field } of parsed.externalAlignments) {
      const key = `${alignment.frameworkCode}\u0000${alignment.version}`;
      if (!codesByVersion.has(key)) {
        const version = await this.frameworks.findVersionByCodes(
          alignment.frameworkCode,
          alignment.version,
          organisationId,
        );
        codesByVersion.set(key, version ? await this.exchange.findItemCodes(version.id) : null);
      }
      if (!codesByVersion.get(key)?.has(alignment.itemCode)) {
        throw new DomainError(
          'CASE_DOCUMENT_INVALID',
          `${alignment.frameworkCode} ${alignment.version} has no item ${alignment.itemCode}.`,
          field,
          { reason: 'UNKNOWN_ITEM' },
        );
      }
    }
  }
}
