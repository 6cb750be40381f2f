import { Field, ID, InterfaceType } from '@nestjs/graphql';

/**
 * Global object identification (the Relay convention) under the field name `globalId`: each type's
 * `id` stays the raw uuid that every existing client and integration already sends back.
 */
@InterfaceType('Node', {
  description:
    'An object with a global id, to fetch again with node(id:) or nodes(ids:). The global id is `globalId`, not `id`: `id` stays the raw uuid every other operation takes.',
  // Resolved nodes carry their type name (see node.service.ts).
  resolveType: (value: { __typename: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, {
    description: 'Opaque id unique across every type; give it to node(id:) or nodes(ids:).',
  })
  globalId!: string;
}
