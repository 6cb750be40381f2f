import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a request selects below the field being resolved, as dotted paths of field names
 * (aliases ignored, fragments followed), relative to one of `under` (e.g. `nodes` and `edges.node`
 * of a connection): `versions`, `versions.mappings`, `versions.mappings.item`… A field under a
 * false @include/@skip counts as selected; the paths only decide what to load ahead.
 */
export function selectedFieldPaths(info: GraphQLResolveInfo, under: readonly string[] = ['']): Set<string> {
  const paths = new Set<string>();
  const prefixes = under.map((p) => (p ? `${p}.` : ''));
  // As graphql-js collects fields: each fragment once per selection set, so spreads cannot multiply.
  const visit = (set: SelectionSetNode | undefined, path: string, fragments: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const child = path + selection.name.value;
        for (const prefix of prefixes) {
          if (child.length > prefix.length && child.startsWith(prefix)) paths.add(child.slice(prefix.length));
        }
        visit(selection.selectionSet, `${child}.`, new Set());
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, path, fragments);
      } else {
        const name = selection.name.value;
        if (fragments.has(name)) continue;
        fragments.add(name);
        visit(info.fragments[name]?.selectionSet, path, fragments);
      }
    }
  };
  const fragments = new Set<string>();
  for (const node of info.fieldNodes) visit(node.selectionSet, '', fragments);
  return paths;
}
