import { buildSchema, graphqlSync, type GraphQLResolveInfo } from 'graphql';
import { selectedFieldPaths } from './selected-field-paths.js';

const schema = buildSchema(`
  type Query { page: Page }
  type Page { nodes: [Piece] edges: [Edge] }
  type Edge { node: Piece }
  type Piece { id: ID versions: [Version] }
  type Version { id: ID review: Review }
  type Review { outcome: String }
`);

/** The paths `selectedFieldPaths` finds below `page` in this query. */
function pathsOf(query: string, under?: string[]): string[] {
  let found: Set<string> = new Set();
  const result = graphqlSync({
    schema,
    source: query,
    rootValue: {
      page: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        found = selectedFieldPaths(info, under);
        return null;
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return [...found].sort();
}

describe('selectedFieldPaths', () => {
  it.each([
    [
      'plain fields',
      '{ page { nodes { id versions { id } } } }',
      undefined,
      ['nodes', 'nodes.id', 'nodes.versions', 'nodes.versions.id'],
    ],
    [
      'aliases by field name',
      '{ page { n: nodes { v: versions { id } } } }',
      ['nodes'],
      ['versions', 'versions.id'],
    ],
    [
      'nodes and edges.node together',
      '{ page { nodes { id } edges { node { versions { review { outcome } } } } } }',
      ['nodes', 'edges.node'],
      ['id', 'versions', 'versions.review', 'versions.review.outcome'],
    ],
    [
      'named and inline fragments',
      'query { page { nodes { ...P } } } fragment P on Piece { versions { ... on Version { review { outcome } } } }',
      ['nodes'],
      ['versions', 'versions.review', 'versions.review.outcome'],
    ],
    ['nothing below the prefix', '{ page { edges { node { id } } } }', ['nodes'], []],
  ])('should find %s', (_, query, under, expected) => {
    expect(pathsOf(query, under)).toEqual(expected);
  });
});
