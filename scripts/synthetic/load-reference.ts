import type pg from 'pg';
import { DOMAIN_WEIGHTS, PCF_LEVELS } from './synthetic-distributions.js';
import { SYNTHETIC_PATHWAY_DESIGN } from './synthetic-pathway-design.js';

export interface Reference {
  domains: Map<string, string>;
  kssChildren: string[];
  kssAdults: string[];
  levels: Map<string, string>;
  /** `${levelCode}/${pathwayCode}` → id */
  pathways: Map<string, string>;
}

export async function loadReference(client: pg.ClientBase): Promise<Reference> {
  const items = await client.query<{
    framework: string;
    version: string;
    code: string;
    kind: string;
    id: string;
  }>(
    `SELECT f.code AS framework, v.version, i.code, i.kind, i.id
       FROM framework_item i JOIN framework_version v ON v.id = i.framework_version_id
       JOIN framework f ON f.id = v.framework_id
      ORDER BY f.code, v.version, i.ordinal, i.code`,
  );
  const levels = await client.query<{
    code: string;
    id: string;
    pathway: string | null;
    pathway_id: string | null;
  }>(
    `SELECT l.code, l.id, p.code AS pathway, p.id AS pathway_id
       FROM framework_level l JOIN framework_version v ON v.id = l.framework_version_id
       JOIN framework f ON f.id = v.framework_id
       LEFT JOIN framework_level_pathway p ON p.framework_level_id = l.id
      WHERE f.code = 'PCF' AND v.version = $1`,
    [SYNTHETIC_PATHWAY_DESIGN.pcfVersion],
  );
  const reference: Reference = {
    domains: new Map(),
    kssChildren: [],
    kssAdults: [],
    levels: new Map(),
    pathways: new Map(),
  };
  for (const i of items.rows) {
    if (i.framework === 'PCF' && i.version === SYNTHETIC_PATHWAY_DESIGN.pcfVersion && i.kind === 'DOMAIN')
      reference.domains.set(i.code, i.id);
    if (i.framework === 'KSS_CHILD_AND_FAMILY' && i.version === '2018') reference.kssChildren.push(i.id);
    if (i.framework === 'KSS_ADULTS' && i.version === '2015') reference.kssAdults.push(i.id);
  }
  for (const l of levels.rows) {
    reference.levels.set(l.code, l.id);
    if (l.pathway && l.pathway_id) reference.pathways.set(`${l.code}/${l.pathway}`, l.pathway_id);
  }
  const missing = [
    ...Object.keys(DOMAIN_WEIGHTS).filter((d) => !reference.domains.has(d)),
    ...PCF_LEVELS.filter((l) => !reference.levels.has(l)),
  ];
  if (missing.length || reference.kssChildren.length === 0 || reference.kssAdults.length === 0) {
    throw new Error(
      `The reference frameworks are not loaded (missing ${missing.join(', ') || 'KSS'}): migrate first.`,
    );
  }
  return reference;
}
