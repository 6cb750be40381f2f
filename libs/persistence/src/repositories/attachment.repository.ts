import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AttachmentEntity } from '../entities/attachment.entity.js';

export type NewAttachment = Omit<AttachmentEntity, 'id' | 'createdAt'>;

@Injectable()
export class AttachmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AttachmentEntity);
  }

  async insert(attachment: NewAttachment, manager?: EntityManager): Promise<AttachmentEntity> {
    return this.repo(manager).save(this.repo(manager).create(attachment));
  }

  findById(organisationId: string, id: string, manager?: EntityManager): Promise<AttachmentEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, id });
  }

  findByVersionIds(
    organisationId: string,
    versionIds: readonly string[],
    manager?: EntityManager,
  ): Promise<AttachmentEntity[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    return this.repo(manager)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId AND a.evidence_version_id IN (:...versionIds)', {
        organisationId,
        versionIds: [...versionIds],
      })
      .orderBy('a.created_at')
      .addOrderBy('a.id')
      .getMany();
  }

  /** A new version starts with the files of the one it came from (the stored bytes are shared). */
  async copyToVersion(
    organisationId: string,
    fromVersionId: string,
    toVersionId: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO attachment (organisation_id, evidence_version_id, file_name, content_type, size_bytes, sha256,
                               storage_key, uploaded_by_user_id, created_at)
       SELECT organisation_id, $3, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by_user_id, created_at
         FROM attachment WHERE organisation_id = $1 AND evidence_version_id = $2`,
      [organisationId, fromVersionId, toVersionId],
    );
  }

  async delete(organisationId: string, id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ organisationId, id });
  }
}
