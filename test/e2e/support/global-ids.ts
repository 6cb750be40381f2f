/*
 * Global ids as a client sees them: written here from the documented format (base64url of
 * "<TypeName>:<uuid>"), not with the API's own codec, so that the suites pin the wire format.
 */

export const NODE_TYPES = {
  Evidence: 'evidence',
  EvidenceVersion: 'evidence_version',
  Member: 'membership',
  Pathway: 'pathway',
  PathwayVersion: 'pathway_version',
  ProgressionApplication: 'progression_application',
} as const;

export type NodeType = keyof typeof NODE_TYPES;

export const globalIdOf = (type: string, uuid: string) =>
  Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64url');

/** A well-formed global id of a type the API knows, naming a uuid nobody has. */
export const randomGlobalId = (type: NodeType = 'Evidence') =>
  globalIdOf(type, '00000000-0000-4000-8000-00000000dead');

export const NODE = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      __typename
      globalId
      ... on Evidence {
        id
      }
      ... on EvidenceVersion {
        id
      }
      ... on Member {
        id
      }
      ... on Pathway {
        id
      }
      ... on PathwayVersion {
        id
      }
      ... on ProgressionApplication {
        id
      }
    }
  }
`;

export const NODES = NODE.replace('($id: ID!)', '($ids: [ID!]!)').replace(
  'node(id: $id)',
  'nodes(ids: $ids)',
);

export interface NodeResult {
  __typename: NodeType;
  globalId: string;
  id: string;
}
