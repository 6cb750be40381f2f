import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { User } from '../organisation/models/user.model.js';
import { AddFrameworkAlignmentInput } from './dto/add-framework-alignment.input.js';
import { RemoveFrameworkAlignmentInput } from './dto/remove-framework-alignment.input.js';
import { UpdateFrameworkAlignmentInput } from './dto/update-framework-alignment.input.js';
import { FrameworkAlignmentsService } from './framework-alignments.service.js';
import { FrameworkItemAlignment } from './models/framework-alignment.model.js';
import { FrameworkItem } from './models/framework.model.js';

/** Links between framework items: read by every member, added and removed by the organisation's PSWs. */
@Resolver(() => FrameworkItemAlignment)
export class FrameworkAlignmentsResolver {
  constructor(private readonly service: FrameworkAlignmentsService) {}

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => FrameworkItemAlignment, {
    description:
      'Link two framework items for your organisation (PSW): a PCF domain to a KSS statement or an SWE standard, say. Only your organisation sees the link. Add only what a source supports, and mark it confirmed only when the source states it.',
  })
  addFrameworkAlignment(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AddFrameworkAlignmentInput,
  ) {
    return this.service.add(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => FrameworkItemAlignment, {
    description:
      'Edit one of your organisation’s links between framework items (PSW): confirm it once its source is checked, or correct the source. A remap (frameworkRemapPreview) follows confirmed links only.',
  })
  updateFrameworkAlignment(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdateFrameworkAlignmentInput,
  ) {
    return this.service.update(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => FrameworkItemAlignment, {
    description:
      'Remove one of your organisation’s links between framework items (PSW); returns it as it was.',
  })
  removeFrameworkAlignment(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RemoveFrameworkAlignmentInput,
  ) {
    return this.service.remove(principal, input);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'Who added your organisation’s link; null for an imported one.',
  })
  addedBy(@Parent() alignment: FrameworkItemAlignment, @Context() ctx: GraphQLContext) {
    return alignment.addedByUserId ? ctx.loaders.user.load(alignment.addedByUserId) : null;
  }
}

@Resolver(() => FrameworkItem)
export class FrameworkItemFieldsResolver {
  @ResolveField(() => [FrameworkItemAlignment], {
    description:
      'Links from this item to items of other frameworks: those its CASE package brought (IMPORTED) and your organisation’s (ORGANISATION). Pathways ships none of its own.',
  })
  alignments(@Parent() item: FrameworkItem, @Context() ctx: GraphQLContext) {
    return ctx.loaders.alignmentsByItem.load(item.id);
  }
}
