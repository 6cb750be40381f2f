import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { FrameworkArgs } from './dto/framework.args.js';
import { ItemsArgs } from './dto/items.args.js';
import { FrameworksService } from './frameworks.service.js';
import {
  Framework,
  FrameworkItem,
  FrameworkLevel,
  FrameworkLevelPathway,
  FrameworkVersion,
} from './models/framework.model.js';

/** Reference data, readable by every signed-in user; imported frameworks only within their organisation. */
@Resolver(() => Framework)
export class FrameworksResolver {
  constructor(private readonly service: FrameworksService) {}

  @Query(() => [Framework], {
    description: 'The reference frameworks Pathways knows, and those your organisation imported.',
  })
  frameworks(@CurrentPrincipal() principal: Principal) {
    return this.service.list(principal.organisationId);
  }

  @Query(() => FrameworkVersion, { description: 'One version of a framework, with its items and levels.' })
  framework(@CurrentPrincipal() principal: Principal, @Args() args: FrameworkArgs) {
    return this.service.version(principal.organisationId, args.code, args.version);
  }

  @ResolveField(() => [FrameworkVersion], { description: 'Versions, newest first.' })
  versions(@Parent() framework: Framework, @Context() ctx: GraphQLContext) {
    return ctx.loaders.versionsByFramework.load(framework.id);
  }
}

@Resolver(() => FrameworkVersion)
export class FrameworkVersionFieldsResolver {
  @ResolveField(() => [FrameworkItem], { description: 'Items, parents before children, in order.' })
  async items(@Parent() version: FrameworkVersion, @Args() args: ItemsArgs, @Context() ctx: GraphQLContext) {
    const items = await ctx.loaders.itemsByVersion.load(version.id);
    return args.kind ? items.filter((i) => i.kind === args.kind) : items;
  }

  @ResolveField(() => [FrameworkLevel], {
    description: 'Levels, lowest first (empty for frameworks without levels).',
  })
  levels(@Parent() version: FrameworkVersion, @Context() ctx: GraphQLContext) {
    return ctx.loaders.levelsByVersion.load(version.id);
  }
}

@Resolver(() => FrameworkLevel)
export class FrameworkLevelFieldsResolver {
  @ResolveField(() => [FrameworkLevelPathway], { description: 'Parallel pathways within the level, if any.' })
  pathways(@Parent() level: FrameworkLevel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.pathwaysByLevel.load(level.id);
  }
}
