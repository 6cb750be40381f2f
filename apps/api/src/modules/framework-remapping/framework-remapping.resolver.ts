import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApplyFrameworkRemapInput } from './dto/apply-framework-remap.input.js';
import { FrameworkRemapPreviewArgs } from './dto/framework-remap-preview.args.js';
import { FrameworkRemappingService } from './framework-remapping.service.js';
import { FrameworkRemapPreview, FrameworkRemapRun } from './models/framework-remap.model.js';

/** Remapping the organisation's evidence to another framework version: preview, then apply (PSW). */
@Resolver()
export class FrameworkRemappingResolver {
  constructor(private readonly service: FrameworkRemappingService) {}

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => FrameworkRemapPreview, {
    description:
      'What remapping your organisation’s evidence from one framework version to another would do, for whoever the access policy lets read every portfolio and progression (the PSW; not an administrator): the links followed, each practitioner’s coverage now and after, who gains or loses eligibility on the published routes, and the items with no target. Writes nothing.',
  })
  frameworkRemapPreview(@CurrentPrincipal() principal: Principal, @Args() args: FrameworkRemapPreviewArgs) {
    return this.service.preview(principal, args);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => FrameworkRemapRun, {
    description:
      'Remap your organisation’s evidence from one framework version to another (PSW): writes derived mappings along confirmed replacedBy and exactMatchOf links, in one go; applying it again adds only what is new. Originals and their sign-offs stay as they are; derived mappings are never signed off at a level.',
  })
  applyFrameworkRemap(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ApplyFrameworkRemapInput,
  ) {
    return this.service.apply(principal, input);
  }
}
