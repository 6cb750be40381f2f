import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertPathwayPublishable,
  DomainError,
  TEMPLATE_PATHWAY_DESIGN,
  validatePathwayDesign,
  type AuditAction,
  type PathwayDesign,
} from '#app/domain';
import {
  AuditEventRepository,
  PathwayRepository,
  type PathwayEntity,
  type PathwayVersionEntity,
} from '#app/persistence';
import { actingRole, hasAnyRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { oneByKey } from '../../graphql/group-by-key.js';
import type { CreatePathwayDraftInput } from './dto/create-pathway-draft.input.js';
import type { CreatePathwayFromTemplateInput } from './dto/create-pathway-from-template.input.js';
import type { PublishPathwayVersionInput } from './dto/publish-pathway-version.input.js';
import type { PutPathwayRouteInput } from './dto/put-pathway-route.input.js';
import type { UpdatePathwayDraftInput } from './dto/update-pathway-draft.input.js';
import { toDesign, toRoute, toStage } from './pathway-design.mapper.js';
import { ReferenceCatalogueService } from './reference-catalogue.service.js';
import { isUniqueViolation } from '../../common/unique-violation.js';

const DESIGNERS = ['PRINCIPAL_SOCIAL_WORKER'] as const;
const SEES_DRAFTS = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

/** The life of a pathway design: from the template to drafts, published versions and retirement. */
@Injectable()
export class PathwaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pathways: PathwayRepository,
    private readonly catalogue: ReferenceCatalogueService,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  list(principal: Principal): Promise<PathwayEntity[]> {
    return this.pathways.listPathways(principal.organisationId);
  }

  async get(principal: Principal, id: string): Promise<PathwayEntity> {
    const pathway = await this.pathways.findPathway(principal.organisationId, id);
    if (!pathway) throw new DomainError('PATHWAY_NOT_FOUND', 'No such pathway in your organisation.', 'id');
    return pathway;
  }

  /** Pathways in the order asked; null where the organisation has none with that id. */
  async pathwaysByIds(principal: Principal, ids: readonly string[]): Promise<(PathwayEntity | null)[]> {
    return oneByKey(ids, await this.pathways.findPathwaysByIds(principal.organisationId, ids), (p) => p.id);
  }

  /** Versions in the order asked; null where there is none, or a draft the caller may not see. */
  async versionsByIds(
    principal: Principal,
    ids: readonly string[],
  ): Promise<(PathwayVersionEntity | null)[]> {
    const versions = await this.pathways.findVersionsByIds(principal.organisationId, ids);
    return oneByKey(ids, this.visibleVersions(principal, versions), (v) => v.id);
  }

  /** Drafts are the designers' working copies; everyone else sees what is or was in force. */
  visibleVersions(principal: Principal, versions: PathwayVersionEntity[]): PathwayVersionEntity[] {
    return hasAnyRole(principal, SEES_DRAFTS) ? versions : versions.filter((v) => v.status !== 'DRAFT');
  }

  async createFromTemplate(
    principal: Principal,
    input: CreatePathwayFromTemplateInput,
  ): Promise<PathwayEntity> {
    return this.dataSource.transaction(async (manager) => {
      const name = input.name.trim();
      const pathway = await this.pathways
        .insertPathway(
          {
            organisationId: principal.organisationId,
            name,
            description: input.description,
            createdByUserId: principal.userId,
          },
          manager,
        )
        .catch((e: unknown) => {
          if (!isUniqueViolation(e, 'pathway_name_unique')) throw e;
          throw new DomainError(
            'PATHWAY_NAME_TAKEN',
            `Your organisation already has a pathway called ${name}: choose another name`,
            'input.name',
          );
        });
      const version = await this.pathways.insertVersion(
        {
          organisationId: principal.organisationId,
          pathwayId: pathway.id,
          versionNo: 1,
          design: structuredClone(TEMPLATE_PATHWAY_DESIGN) as PathwayDesign,
          createdByUserId: principal.userId,
        },
        manager,
      );
      await this.record(
        principal,
        'PATHWAY_CREATED',
        pathway.id,
        { versionId: version.id, from: 'TEMPLATE' },
        manager,
      );
      return pathway;
    });
  }

  async createDraft(principal: Principal, input: CreatePathwayDraftInput): Promise<PathwayVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.requirePathway(principal, input.pathwayId, manager);
      const versions = await this.pathways.lockVersionsOfPathway(
        principal.organisationId,
        input.pathwayId,
        manager,
      );
      const draft = versions.find((v) => v.status === 'DRAFT');
      if (draft) {
        throw new DomainError(
          'PATHWAY_DRAFT_EXISTS',
          'This pathway already has a draft: edit that one.',
          'input.pathwayId',
          {
            versionId: draft.id,
          },
        );
      }
      const newest = versions[0]!;
      const version = await this.pathways.insertVersion(
        {
          organisationId: principal.organisationId,
          pathwayId: input.pathwayId,
          versionNo: newest.versionNo + 1,
          design: newest.design,
          createdByUserId: principal.userId,
        },
        manager,
      );
      await this.record(
        principal,
        'PATHWAY_DRAFT_CREATED',
        input.pathwayId,
        { versionNo: version.versionNo, from: newest.versionNo },
        manager,
      );
      return version;
    });
  }

  async updateDraft(principal: Principal, input: UpdatePathwayDraftInput): Promise<PathwayVersionEntity> {
    const design = toDesign(input.design);
    validatePathwayDesign(
      design,
      (await this.catalogue.get(principal.organisationId)).reference,
      'input.design',
    );
    return this.saveDraft(principal, input.versionId, input.expectedRevision, () => design);
  }

  /** Adds (or replaces, by key) one route, and the stage it needs, then checks the whole design. */
  async putRoute(principal: Principal, input: PutPathwayRouteInput): Promise<PathwayVersionEntity> {
    const { reference } = await this.catalogue.get(principal.organisationId);
    return this.saveDraft(principal, input.versionId, input.expectedRevision, (current) => {
      const stage = input.stage ? toStage(input.stage) : null;
      const route = toRoute(input.route);
      const design: PathwayDesign = {
        ...current,
        stages: stage ? [...current.stages.filter((s) => s.key !== stage.key), stage] : current.stages,
        routes: [...current.routes.filter((r) => r.key !== route.key), route],
      };
      try {
        validatePathwayDesign(design, reference, 'input');
      } catch (error) {
        // Name the field as the client sent it: the new route and stage are the last of their lists.
        throw renameField(error, [
          [`input.routes[${design.routes.length - 1}]`, 'input.route'],
          [
            `input.stages[${design.stages.length - 1}]`,
            stage ? 'input.stage' : `input.stages[${design.stages.length - 1}]`,
          ],
        ]);
      }
      return design;
    });
  }

  async publish(principal: Principal, input: PublishPathwayVersionInput): Promise<PathwayVersionEntity> {
    const { reference } = await this.catalogue.get(principal.organisationId);
    return this.dataSource.transaction(async (manager) => {
      const version = await this.requireDraft(principal, input.versionId, manager);
      assertPathwayPublishable(version.design, reference, 'input');
      const versions = await this.pathways.lockVersionsOfPathway(
        principal.organisationId,
        version.pathwayId,
        manager,
      );
      const now = this.clock.now();
      const previous = versions.find((v) => v.status === 'PUBLISHED');
      if (previous)
        await this.pathways.setStatus(
          principal.organisationId,
          previous.id,
          { status: 'RETIRED', retiredAt: now },
          manager,
        );
      await this.pathways.setStatus(
        principal.organisationId,
        version.id,
        { status: 'PUBLISHED', publishedAt: now, publishedByUserId: principal.userId },
        manager,
      );
      await this.record(
        principal,
        'PATHWAY_PUBLISHED',
        version.pathwayId,
        {
          versionNo: version.versionNo,
          retiredVersionNo: previous?.versionNo ?? null,
          routes: version.design.routes.length,
        },
        manager,
      );
      return (await this.pathways.findVersion(principal.organisationId, version.id, manager))!;
    });
  }

  private async saveDraft(
    principal: Principal,
    versionId: string,
    expectedRevision: number,
    change: (current: PathwayDesign) => PathwayDesign,
  ): Promise<PathwayVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const version = await this.requireDraft(principal, versionId, manager);
      if (version.revision !== expectedRevision) {
        throw new DomainError(
          'STALE_VERSION',
          'This draft changed since you opened it; reload it.',
          'input.expectedRevision',
          {
            currentRevision: version.revision,
          },
        );
      }
      const design = change(version.design);
      await this.pathways.updateDraftDesign(
        principal.organisationId,
        version.id,
        version.revision,
        design,
        manager,
      );
      await this.record(
        principal,
        'PATHWAY_DRAFT_EDITED',
        version.pathwayId,
        { versionNo: version.versionNo, stages: design.stages.length, routes: design.routes.length },
        manager,
      );
      return (await this.pathways.findVersion(principal.organisationId, version.id, manager))!;
    });
  }

  private async requireDraft(
    principal: Principal,
    versionId: string,
    manager: EntityManager,
  ): Promise<PathwayVersionEntity> {
    const version = await this.pathways.lockVersion(principal.organisationId, versionId, manager);
    if (!version)
      throw new DomainError(
        'PATHWAY_NOT_FOUND',
        'No such pathway version in your organisation.',
        'input.versionId',
      );
    if (version.status !== 'DRAFT') {
      throw new DomainError(
        'PATHWAY_VERSION_NOT_EDITABLE',
        `Version ${version.versionNo} is ${version.status.toLowerCase()}: start a new draft to change it.`,
        'input.versionId',
        { status: version.status },
      );
    }
    return version;
  }

  private async requirePathway(principal: Principal, pathwayId: string, manager: EntityManager) {
    const pathway = await this.pathways.findPathway(principal.organisationId, pathwayId, manager);
    if (!pathway)
      throw new DomainError('PATHWAY_NOT_FOUND', 'No such pathway in your organisation.', 'input.pathwayId');
    return pathway;
  }

  private record(
    principal: Principal,
    action: AuditAction,
    pathwayId: string,
    changes: Record<string, unknown>,
    manager: EntityManager,
  ) {
    return this.audit.recordAudit(
      {
        organisationId: principal.organisationId,
        actorUserId: principal.userId,
        actorRole: actingRole(principal, DESIGNERS),
        action,
        entityType: 'PATHWAY',
        entityId: pathwayId,
        subjectUserId: null,
        changes,
      },
      manager,
    );
  }
}

function renameField(error: unknown, renames: [string, string][]): unknown {
  if (!(error instanceof DomainError) || !error.field) return error;
  for (const [from, to] of renames) {
    if (error.field === from || error.field.startsWith(`${from}.`)) {
      return new DomainError(error.code, error.message, to + error.field.slice(from.length), error.meta);
    }
  }
  return error;
}
