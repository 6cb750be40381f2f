/*
 * Global object ids (the Relay convention): an opaque base64url of "<TypeName>:<uuid>", so one id names
 * one object across every type. Only the canonical spelling decodes (lower-case uuid, no padding), so an
 * object has exactly one global id and a client cache never holds it twice.
 */

/** The types `node(id:)` resolves. */
export const NODE_TYPE_NAMES = [
  'Evidence',
  'EvidenceVersion',
  'Member',
  'Pathway',
  'PathwayVersion',
  'ProgressionApplication',
] as const;

export type NodeTypeName = (typeof NODE_TYPE_NAMES)[number];

export interface DecodedGlobalId {
  typeName: NodeTypeName;
  uuid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// The longest type name, a colon and a uuid, base64url-encoded; anything longer is not worth decoding.
const MAX_LENGTH = Math.ceil(((Math.max(...NODE_TYPE_NAMES.map((n) => n.length)) + 37) * 4) / 3);

export function toGlobalId(typeName: NodeTypeName, uuid: string): string {
  return Buffer.from(`${typeName}:${uuid}`, 'utf8').toString('base64url');
}

/** The type and uuid a global id names, or null for anything that is not one (never an error). */
export function parseGlobalId(globalId: string): DecodedGlobalId | null {
  if (globalId.length > MAX_LENGTH || !BASE64URL.test(globalId)) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const typeName = text.slice(0, colon) as NodeTypeName;
  const uuid = text.slice(colon + 1);
  if (colon < 0 || !NODE_TYPE_NAMES.includes(typeName) || !UUID.test(uuid)) return null;
  return toGlobalId(typeName, uuid) === globalId ? { typeName, uuid } : null;
}
