/**
 * Stable URIs for what a framework version holds, the same in every deployment (database ids are
 * not), so a CASE file from one Pathways refers to the PCF items of another.
 */
export const caseUris = {
  document: (code: string, version: string) => `urn:pathways:framework:${enc(code)}:${enc(version)}`,
  item: (code: string, version: string, itemCode: string) =>
    `${caseUris.document(code, version)}:item:${enc(itemCode)}`,
  level: (code: string, version: string, levelCode: string) =>
    `${caseUris.document(code, version)}:level:${enc(levelCode)}`,
  pathway: (code: string, version: string, levelCode: string, pathwayCode: string) =>
    `${caseUris.level(code, version, levelCode)}:pathway:${enc(pathwayCode)}`,
  itemType: (type: string) => `urn:pathways:case:item-type:${enc(type)}`,
};

const enc = (s: string) => encodeURIComponent(s);

/** The framework code, version and item code an item URI names, or `null` for any other URI. */
export function parseItemUri(
  uri: string,
): { frameworkCode: string; version: string; itemCode: string } | null {
  const match = /^urn:pathways:framework:([^:]+):([^:]+):item:([^:]+)$/.exec(uri);
  if (!match) return null;
  try {
    return {
      frameworkCode: decodeURIComponent(match[1]!),
      version: decodeURIComponent(match[2]!),
      itemCode: decodeURIComponent(match[3]!),
    };
  } catch {
    return null;
  }
}
