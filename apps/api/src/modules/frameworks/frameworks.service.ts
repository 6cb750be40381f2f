import { Injectable } from '@nestjs/common';
import { DomainError } from '#app/domain';
import { FrameworkRepository, type FrameworkEntity, type FrameworkVersionEntity } from '#app/persistence';

@Injectable()
export class FrameworksService {
  constructor(private readonly frameworks: FrameworkRepository) {}

  /** The reference frameworks and those the caller's organisation imported. */
  list(organisationId: string): Promise<FrameworkEntity[]> {
    return this.frameworks.findAll(organisationId);
  }

  /** A version by label, or the current one (the latest effective) when no label is given. */
  async version(
    organisationId: string,
    code: string,
    version?: string | null,
  ): Promise<FrameworkVersionEntity> {
    const framework = await this.frameworks.findByCode(code, organisationId);
    if (!framework) throw new DomainError('FRAMEWORK_NOT_FOUND', `No framework with code ${code}`, 'code');
    if (version) {
      const found = await this.frameworks.findVersion(framework.id, version);
      if (!found)
        throw new DomainError('FRAMEWORK_NOT_FOUND', `${code} has no version ${version}`, 'version');
      return found;
    }
    const versions = await this.frameworks.findVersionsByFrameworkIds([framework.id]);
    const current = versions.find((v) => v.status === 'CURRENT') ?? versions[0];
    if (!current) throw new DomainError('FRAMEWORK_NOT_FOUND', `${code} has no versions`, 'code');
    return current;
  }
}
