import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { FrameworkEntity } from '../entities/framework.entity.js';
import { FrameworkItemEntity } from '../entities/framework-item.entity.js';
import { FrameworkLevelEntity } from '../entities/framework-level.entity.js';
import { FrameworkLevelPathwayEntity } from '../entities/framework-level-pathway.entity.js';
import { FrameworkVersionEntity } from '../entities/framework-version.entity.js';

/**
 * Frameworks: the reference frameworks shared by every organisation (read-only to the API), and
 * those an organisation imported, which only it sees. Lookups without an organisation see the
 * reference frameworks only.
 */
@Injectable()
export class FrameworkRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(organisationId?: string): Promise<FrameworkEntity[]> {
    return this.dataSource.getRepository(FrameworkEntity).find({
      where: organisationId
        ? [{ organisationId: IsNull() }, { organisationId }]
        : { organisationId: IsNull() },
      order: { code: 'ASC' },
    });
  }

  findByCode(code: string, organisationId?: string): Promise<FrameworkEntity | null> {
    return this.dataSource.getRepository(FrameworkEntity).findOne({
      where: organisationId
        ? [
            { code, organisationId: IsNull() },
            { code, organisationId },
          ]
        : { code, organisationId: IsNull() },
    });
  }

  /** Versions of many frameworks, newest effective date first within each. */
  findVersionsByFrameworkIds(frameworkIds: readonly string[]): Promise<FrameworkVersionEntity[]> {
    if (frameworkIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FrameworkVersionEntity)
      .createQueryBuilder('v')
      .where('v.framework_id IN (:...ids)', { ids: [...frameworkIds] })
      .orderBy('v.effective_from', 'DESC')
      .getMany();
  }

  findVersion(frameworkId: string, version: string): Promise<FrameworkVersionEntity | null> {
    return this.dataSource.getRepository(FrameworkVersionEntity).findOneBy({ frameworkId, version });
  }

  /** Items in reading order: each parent followed by its children (depth first, by ordinal). */
  async findItemsByVersionIds(versionIds: readonly string[]): Promise<FrameworkItemEntity[]> {
    if (versionIds.length === 0) return [];
    const items = await this.dataSource
      .getRepository(FrameworkItemEntity)
      .createQueryBuilder('i')
      .where('i.framework_version_id IN (:...ids)', { ids: [...versionIds] })
      .orderBy('i.ordinal', 'ASC')
      .getMany();
    const children = new Map<string | null, FrameworkItemEntity[]>();
    for (const item of items) {
      const siblings = children.get(item.parentId) ?? [];
      siblings.push(item);
      children.set(item.parentId, siblings);
    }
    const ordered: FrameworkItemEntity[] = [];
    const visit = (parentId: string | null) => {
      for (const item of children.get(parentId) ?? []) {
        ordered.push(item);
        visit(item.id);
      }
    };
    visit(null);
    return ordered;
  }

  findLevelsByVersionIds(versionIds: readonly string[]): Promise<FrameworkLevelEntity[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FrameworkLevelEntity)
      .createQueryBuilder('l')
      .where('l.framework_version_id IN (:...ids)', { ids: [...versionIds] })
      .orderBy('l.ordinal', 'ASC')
      .getMany();
  }

  findPathwaysByLevelIds(levelIds: readonly string[]): Promise<FrameworkLevelPathwayEntity[]> {
    if (levelIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FrameworkLevelPathwayEntity)
      .createQueryBuilder('p')
      .where('p.framework_level_id IN (:...ids)', { ids: [...levelIds] })
      .orderBy('p.ordinal', 'ASC')
      .getMany();
  }

  /** A version by its framework's code and its label, with that code. */
  async findVersionByCodes(
    frameworkCode: string,
    version: string,
    organisationId?: string,
  ): Promise<(FrameworkVersionEntity & { frameworkCode: string }) | null> {
    const refs = await this.findVersionRefs({ frameworkCode, version, organisationId });
    return refs[0] ?? null;
  }

  /** Versions by id, each with its framework's code (evidence mappings show "PCF 2018"). */
  findVersionRefsByIds(
    versionIds: readonly string[],
  ): Promise<(FrameworkVersionEntity & { frameworkCode: string })[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    return this.findVersionRefs({ ids: versionIds });
  }

  private async findVersionRefs(
    where: { ids: readonly string[] } | { frameworkCode: string; version: string; organisationId?: string },
  ): Promise<(FrameworkVersionEntity & { frameworkCode: string })[]> {
    const qb = this.dataSource
      .getRepository(FrameworkVersionEntity)
      .createQueryBuilder('v')
      .innerJoin(FrameworkEntity, 'f', 'f.id = v.framework_id')
      .addSelect('f.code', 'framework_code');
    if ('ids' in where) qb.where('v.id IN (:...ids)', { ids: [...where.ids] });
    else
      qb.where('f.code = :code AND v.version = :version', {
        code: where.frameworkCode,
        version: where.version,
      }).andWhere(
        where.organisationId
          ? '(f.organisation_id IS NULL OR f.organisation_id = :organisationId)'
          : 'f.organisation_id IS NULL',
        { organisationId: where.organisationId },
      );
    const { entities, raw } = await qb.getRawAndEntities<{ framework_code: string }>();
    return entities.map((v, i) => Object.assign(v, { frameworkCode: raw[i]!.framework_code }));
  }

  findItemsByIds(ids: readonly string[]): Promise<FrameworkItemEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FrameworkItemEntity)
      .createQueryBuilder('i')
      .where('i.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  findLevelsByIds(ids: readonly string[]): Promise<FrameworkLevelEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FrameworkLevelEntity)
      .createQueryBuilder('l')
      .where('l.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  findPathwaysByIds(ids: readonly string[]): Promise<FrameworkLevelPathwayEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FrameworkLevelPathwayEntity)
      .createQueryBuilder('p')
      .where('p.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
