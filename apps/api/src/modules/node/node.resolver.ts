import { Args, Context, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { toGlobalId, type NodeTypeName } from '../../graphql/global-id.js';
import { Node } from '../../graphql/node.model.js';
import { NodeArgs, NodesArgs } from './dto/node.args.js';
import { NodeService } from './node.service.js';

@Resolver(() => Node)
export class NodeResolver {
  constructor(private readonly service: NodeService) {}

  @Query(() => Node, {
    nullable: true,
    description:
      'The object with this global id, if you may see it; null otherwise, whatever the reason (malformed, unknown, or not yours to see).',
  })
  node(@Args() args: NodeArgs, @Context() ctx: GraphQLContext) {
    return this.service.loaderFor(ctx.req).load(args.id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'The objects with these global ids, in the order given; null for each one node(id:) answers null.',
  })
  nodes(@Args() args: NodesArgs, @Context() ctx: GraphQLContext) {
    const loader = this.service.loaderFor(ctx.req);
    return Promise.all(args.ids.map((id) => loader.load(id)));
  }

  // Inherited by every type implementing Node; no parameter decorators, so Nest passes graphql-js's
  // (parent, args, context, info) as they are.
  @ResolveField(() => ID, {
    description: 'Opaque id unique across every type; give it to node(id:) or nodes(ids:).',
  })
  globalId(parent: { id: string }, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name as NodeTypeName, parent.id);
  }
}
