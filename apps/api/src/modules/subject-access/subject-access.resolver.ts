import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { SubjectAccessExportEntity } from '#app/persistence';
import { CurrentPrincipal, LeaverAccess, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ErasePersonInput } from './dto/erase-person.input.js';
import { RequestSubjectAccessExportInput } from './dto/request-subject-access-export.input.js';
import { SubjectAccessExportsArgs } from './dto/subject-access-exports.args.js';
import { ErasureResult, SubjectAccessExport } from './models/subject-access.model.js';
import { SubjectAccessService } from './subject-access.service.js';

@Resolver(() => SubjectAccessExport)
export class SubjectAccessResolver {
  constructor(private readonly service: SubjectAccessService) {}

  @LeaverAccess()
  @Query(() => [SubjectAccessExport], {
    description: 'Subject access exports about a person, newest first: yours, or (ORG_ADMIN) anyone’s here.',
  })
  async subjectAccessExports(
    @CurrentPrincipal() principal: Principal,
    @Args() args: SubjectAccessExportsArgs,
  ) {
    return (await this.service.list(principal, args.userId)).map(toModel);
  }

  @LeaverAccess()
  @Mutation(() => SubjectAccessExport, {
    description:
      'Ask for everything the organisation holds about a person (yourself, or as ORG_ADMIN anyone here); the job queue makes the zip.',
  })
  async requestSubjectAccessExport(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RequestSubjectAccessExportInput,
  ) {
    return toModel(await this.service.request(principal, input.userId));
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => ErasureResult, {
    description:
      'Erase a person who has left (ORG_ADMIN), once the leaver retention period has ended and no legal hold is in place: their records go; what the organisation must keep (sign-offs they gave, audit entries) stays with their profile pseudonymised.',
  })
  erasePerson(@CurrentPrincipal() principal: Principal, @Args('input') input: ErasePersonInput) {
    return this.service.erase(principal, input.userId);
  }
}

function toModel(row: SubjectAccessExportEntity): SubjectAccessExport {
  return {
    id: row.id,
    subjectUserId: row.subjectUserId,
    requestedByUserId: row.requestedByUserId,
    status: row.status,
    requestedAt: row.requestedAt,
    completedAt: row.completedAt,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    contents: row.contents,
    downloadPath: row.status === 'READY' ? `/subject-access-exports/${row.id}/archive.zip` : null,
  };
}
