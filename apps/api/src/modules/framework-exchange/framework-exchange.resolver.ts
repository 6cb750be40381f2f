import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { FrameworkVersion } from '../frameworks/models/framework.model.js';
import { FrameworkCasePackageArgs } from './dto/framework-case-package.args.js';
import { ImportCaseFrameworkInput } from './dto/import-case-framework.input.js';
import { FrameworkExchangeService } from './framework-exchange.service.js';

@Resolver()
export class FrameworkExchangeResolver {
  constructor(private readonly service: FrameworkExchangeService) {}

  @Query(() => GraphQLJSONObject, {
    description:
      'A framework version as a 1EdTech CASE package (CFDocument, CFItems, CFAssociations), for any framework you can see.',
  })
  frameworkCasePackage(@CurrentPrincipal() principal: Principal, @Args() args: FrameworkCasePackageArgs) {
    return this.service.exportVersion(principal.organisationId, args.code, args.version);
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => FrameworkVersion, {
    description:
      'Import a framework version from a CASE package (ORG_ADMIN or PSW): always a new version of a framework your organisation owns, checked in full first.',
  })
  importCaseFramework(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ImportCaseFrameworkInput,
  ) {
    return this.service.importVersion(principal, input);
  }
}
