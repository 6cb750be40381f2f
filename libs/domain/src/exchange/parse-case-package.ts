import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { parseItemUri } from './case-uris.js';
import {
  ALIGNMENT_TYPES,
  LEVEL_ITEM_TYPE,
  LEVEL_PATHWAY_ITEM_TYPE,
  type AlignmentType,
  type FrameworkItemContent,
  type FrameworkLevelContent,
  type ParsedCasePackage,
} from './exchange.types.js';

export interface ParseCaseOptions {
  /** Overrides the framework code the document carries (required when it carries none). */
  frameworkCode?: string | null;
  /** Overrides the CFDocument's version label. */
  version?: string | null;
  /** The default effective date, when the document gives none. */
  today: IsoDate;
  /** The input field holding the JSON text, prefixed to every error's field. */
  field: string;
}

/** Why a CASE package was refused, in the error's `meta.reason`. */
export const CASE_PROBLEMS = [
  'MALFORMED_JSON',
  'NOT_AN_OBJECT',
  'MISSING',
  'INVALID_VALUE',
  'TOO_MANY',
  'DUPLICATE_IDENTIFIER',
  'DUPLICATE_CODE',
  'DUPLICATE_ORDINAL',
  'UNKNOWN_ITEM',
  'UNKNOWN_ASSOCIATION_TYPE',
  'MULTIPLE_PARENTS',
  'INVALID_HIERARCHY',
  'CYCLE',
] as const;
export type CaseProblem = (typeof CASE_PROBLEMS)[number];

const MAX_ITEMS = 5_000;
const MAX_ASSOCIATIONS = 20_000;
const CODE = /^[A-Z0-9_]{2,60}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
type NodeKind = 'ITEM' | 'LEVEL' | 'PATHWAY';

interface Node {
  index: number;
  kind: NodeKind;
  identifier: string;
  uri: string | null;
  code: string;
  listEnumeration: number | null;
  item?: Omit<FrameworkItemContent, 'parentCode' | 'ordinal' | 'alignments'>;
  level?: Omit<FrameworkLevelContent, 'ordinal' | 'pathways'>;
  pathway?: FrameworkLevelContent['pathways'][number];
  parent: Node | 'DOCUMENT' | null;
  parentAssociation: number | null;
  sequenceNumber: number | null;
  alignments: FrameworkItemContent['alignments'];
}

/**
 * Reads a 1EdTech CASE package (the JSON text of a CFPackage) into a framework version, checking
 * it as it goes: malformed JSON, missing or badly typed fields, duplicate identifiers or codes,
 * associations to items the package does not hold, a broken hierarchy. The first problem is thrown
 * as CASE_DOCUMENT_INVALID naming the field (e.g. `input.caseJson.CFItems[3].humanCodingScheme`).
 * Levels are CFItems of type "Level" and their pathways CFItems of type "Level pathway" (children
 * of the level), as `toCasePackage` writes them; `extensions.pathways` is read where present.
 */
export function parseCasePackage(text: string, options: ParseCaseOptions): ParsedCasePackage {
  const at = (path: string) => (path ? `${options.field}.${path}` : options.field);
  const fail = (path: string, reason: CaseProblem, message: string): never => {
    throw new DomainError('CASE_DOCUMENT_INVALID', message, at(path), { reason });
  };

  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    fail('', 'MALFORMED_JSON', `The CASE file is not valid JSON (${(error as Error).message}).`);
  }
  if (!isObj(root)) return fail('', 'NOT_AN_OBJECT', 'A CASE package is a JSON object.');
  const doc = root.CFDocument;
  if (!isObj(doc)) return fail('CFDocument', 'MISSING', 'The package has no CFDocument.');
  const rawItems = root.CFItems ?? [];
  const rawAssociations = root.CFAssociations ?? [];
  if (!Array.isArray(rawItems)) return fail('CFItems', 'INVALID_VALUE', 'CFItems must be an array.');
  if (!Array.isArray(rawAssociations))
    return fail('CFAssociations', 'INVALID_VALUE', 'CFAssociations must be an array.');
  if (rawItems.length > MAX_ITEMS) fail('CFItems', 'TOO_MANY', `At most ${MAX_ITEMS} CFItems.`);
  if (rawAssociations.length > MAX_ASSOCIATIONS)
    fail('CFAssociations', 'TOO_MANY', `At most ${MAX_ASSOCIATIONS} CFAssociations.`);

  // ---- the document -------------------------------------------------------------------------------
  const docExt = extensionOf(doc);
  const docIdentifier = text1(doc.identifier, 'CFDocument.identifier', 100);
  const docUri = optionalText(doc.uri, 'CFDocument.uri', 1000);
  const name = text1(doc.title, 'CFDocument.title', 200);

  let frameworkCode: unknown = options.frameworkCode ?? docExt.frameworkCode;
  const codeField = options.frameworkCode ? 'frameworkCode' : 'CFDocument.extensions.pathways.frameworkCode';
  if (typeof frameworkCode !== 'string' || !CODE.test(frameworkCode)) {
    throw new DomainError(
      'CASE_DOCUMENT_INVALID',
      'Give the framework a code of 2 to 60 capital letters, digits or underscores (this file carries none).',
      options.frameworkCode ? `${inputPrefix(options.field)}frameworkCode` : at(codeField),
      { reason: 'INVALID_VALUE' },
    );
  }
  frameworkCode = frameworkCode as string;
  const versionLabel = options.version ?? doc.version;
  if (typeof versionLabel !== 'string' || versionLabel.trim().length === 0 || versionLabel.length > 40) {
    throw new DomainError(
      'CASE_DOCUMENT_INVALID',
      'The framework version needs a label of 1 to 40 characters (CFDocument.version).',
      options.version ? `${inputPrefix(options.field)}version` : at('CFDocument.version'),
      { reason: 'INVALID_VALUE' },
    );
  }
  const owner = text1(docExt.owner ?? doc.creator ?? doc.publisher ?? 'Unknown', 'CFDocument.creator', 100);
  const description = textAny(docExt.description ?? doc.description ?? '', 'CFDocument.description');
  const status =
    docExt.status === 'CURRENT' || docExt.status === 'RETIRED'
      ? docExt.status
      : doc.adoptionStatus === 'Deprecated' || doc.adoptionStatus === 'Retired'
        ? 'RETIRED'
        : 'CURRENT';
  const effectiveFrom =
    isoDate(
      docExt.effectiveFrom ??
        (typeof doc.statusStartDate === 'string' ? doc.statusStartDate.slice(0, 10) : null),
      'CFDocument.statusStartDate',
    ) ?? options.today;
  const effectiveTo = isoDate(
    'effectiveTo' in docExt
      ? docExt.effectiveTo
      : typeof doc.statusEndDate === 'string'
        ? doc.statusEndDate.slice(0, 10)
        : null,
    'CFDocument.statusEndDate',
  );
  if (effectiveTo !== null && effectiveTo <= effectiveFrom) {
    fail('CFDocument.statusEndDate', 'INVALID_VALUE', 'The end date must be after the start date.');
  }
  const notes =
    'notes' in docExt
      ? nullableText(docExt.notes, 'CFDocument.notes')
      : nullableText(doc.notes ?? null, 'CFDocument.notes');

  // ---- items ------------------------------------------------------------------------------------------
  const nodes: Node[] = [];
  const byIdentifier = new Map<string, Node>();
  const byUri = new Map<string, Node>();
  const codes: Record<'ITEM' | 'LEVEL', Set<string>> = { ITEM: new Set(), LEVEL: new Set() };
  rawItems.forEach((raw, index) => {
    const path = `CFItems[${index}]`;
    if (!isObj(raw)) return fail(path, 'NOT_AN_OBJECT', 'Each CFItem is a JSON object.');
    const ext = extensionOf(raw);
    const identifier = text1(raw.identifier, `${path}.identifier`, 100);
    if (byIdentifier.has(identifier) || identifier === docIdentifier) {
      fail(`${path}.identifier`, 'DUPLICATE_IDENTIFIER', `The identifier ${identifier} is used twice.`);
    }
    const uri = optionalText(raw.uri, `${path}.uri`, 1000);
    const fullStatement = text1(raw.fullStatement, `${path}.fullStatement`, 20_000);
    const code = text1(raw.humanCodingScheme, `${path}.humanCodingScheme`, 60);
    const typeTitle = isObj(raw.CFItemTypeURI) ? raw.CFItemTypeURI.title : undefined;
    const type = text1(raw.CFItemType ?? typeTitle ?? 'ITEM', `${path}.CFItemType`, 40);
    const kind: NodeKind =
      type === LEVEL_ITEM_TYPE ? 'LEVEL' : type === LEVEL_PATHWAY_ITEM_TYPE ? 'PATHWAY' : 'ITEM';
    const label = raw.alternativeLabel ?? raw.abbreviatedStatement;
    const confirmed = ext.confirmed === undefined ? true : ext.confirmed;
    if (typeof confirmed !== 'boolean')
      fail(`${path}.extensions.pathways.confirmed`, 'INVALID_VALUE', 'confirmed is true or false.');
    const node: Node = {
      index,
      kind,
      identifier,
      uri,
      code,
      listEnumeration: wholeNumber(raw.listEnumeration),
      parent: null,
      parentAssociation: null,
      sequenceNumber: null,
      alignments: [],
    };
    if (kind === 'ITEM') {
      if (codes.ITEM.has(code))
        fail(`${path}.humanCodingScheme`, 'DUPLICATE_CODE', `The code ${code} is used twice.`);
      codes.ITEM.add(code);
      const attributes = ext.attributes ?? {};
      if (!isObj(attributes))
        fail(`${path}.extensions.pathways.attributes`, 'INVALID_VALUE', 'attributes is a JSON object.');
      node.item = {
        code,
        kind: text1(ext.kind ?? type, `${path}.CFItemType`, 40),
        title: text1(ext.title ?? label ?? fullStatement, `${path}.alternativeLabel`, 300),
        description: textAny(ext.description ?? fullStatement, `${path}.fullStatement`),
        confirmed: confirmed as boolean,
        attributes: attributes as Record<string, unknown>,
      };
    } else if (kind === 'LEVEL') {
      if (codes.LEVEL.has(code))
        fail(`${path}.humanCodingScheme`, 'DUPLICATE_CODE', `The level code ${code} is used twice.`);
      codes.LEVEL.add(code);
      node.level = {
        code,
        name: text1(ext.name ?? label ?? fullStatement, `${path}.alternativeLabel`, 200),
        group: textAny(ext.group ?? '', `${path}.extensions.pathways.group`, 60),
        description: textAny(ext.description ?? fullStatement, `${path}.fullStatement`),
        confirmed: confirmed as boolean,
      };
    } else {
      node.pathway = {
        code,
        name: text1(ext.name ?? label ?? fullStatement, `${path}.alternativeLabel`, 200),
        description: textAny(ext.description ?? fullStatement, `${path}.fullStatement`),
        confirmed: confirmed as boolean,
      };
    }
    nodes.push(node);
    byIdentifier.set(identifier, node);
    if (uri) byUri.set(uri, node);
  });

  // ---- associations -------------------------------------------------------------------------------------
  const externalAlignments: ParsedCasePackage['externalAlignments'] = [];
  const associationIds = new Set<string>();
  const isDocument = (link: Obj) =>
    (typeof link.identifier === 'string' && link.identifier === docIdentifier) ||
    (typeof link.uri === 'string' && docUri !== null && link.uri === docUri);
  const nodeOf = (link: Obj): Node | null =>
    (typeof link.identifier === 'string' ? byIdentifier.get(link.identifier) : undefined) ??
    (typeof link.uri === 'string' ? byUri.get(link.uri) : undefined) ??
    null;

  rawAssociations.forEach((raw, index) => {
    const path = `CFAssociations[${index}]`;
    if (!isObj(raw)) return fail(path, 'NOT_AN_OBJECT', 'Each CFAssociation is a JSON object.');
    const identifier = text1(raw.identifier, `${path}.identifier`, 100);
    if (associationIds.has(identifier)) {
      fail(
        `${path}.identifier`,
        'DUPLICATE_IDENTIFIER',
        `The association identifier ${identifier} is used twice.`,
      );
    }
    associationIds.add(identifier);
    const type = raw.associationType;
    if (type !== 'isChildOf' && !(ALIGNMENT_TYPES as readonly unknown[]).includes(type)) {
      fail(
        `${path}.associationType`,
        'UNKNOWN_ASSOCIATION_TYPE',
        `Unknown association type ${String(type)}.`,
      );
    }
    const origin = raw.originNodeURI;
    const destination = raw.destinationNodeURI;
    if (!isObj(origin)) return fail(`${path}.originNodeURI`, 'MISSING', 'originNodeURI is required.');
    if (!isObj(destination))
      return fail(`${path}.destinationNodeURI`, 'MISSING', 'destinationNodeURI is required.');
    const from = nodeOf(origin);
    if (!from) {
      return fail(`${path}.originNodeURI`, 'UNKNOWN_ITEM', 'The origin is not a CFItem of this package.');
    }
    if (type === 'isChildOf') {
      const to = isDocument(destination) ? 'DOCUMENT' : nodeOf(destination);
      if (!to) {
        return fail(
          `${path}.destinationNodeURI`,
          'UNKNOWN_ITEM',
          'The parent is neither the CFDocument nor a CFItem of this package.',
        );
      }
      if (from.parent !== null) {
        fail(path, 'MULTIPLE_PARENTS', `${from.code} has more than one parent.`);
      }
      const allowed =
        from.kind === 'ITEM'
          ? to === 'DOCUMENT' || to.kind === 'ITEM'
          : from.kind === 'LEVEL'
            ? to === 'DOCUMENT'
            : to !== 'DOCUMENT' && to.kind === 'LEVEL';
      if (!allowed) {
        fail(`${path}.destinationNodeURI`, 'INVALID_HIERARCHY', hierarchyRule(from.kind));
      }
      from.parent = to;
      from.parentAssociation = index;
      from.sequenceNumber = raw.sequenceNumber === undefined ? null : wholeNumber(raw.sequenceNumber);
      if (raw.sequenceNumber !== undefined && from.sequenceNumber === null) {
        fail(`${path}.sequenceNumber`, 'INVALID_VALUE', 'sequenceNumber is a whole number.');
      }
      return;
    }
    if (from.kind !== 'ITEM') {
      return fail(`${path}.originNodeURI`, 'INVALID_HIERARCHY', 'Only framework items carry alignments.');
    }
    const alignmentType = type as AlignmentType;
    const inside = nodeOf(destination);
    if (inside) {
      if (inside.kind !== 'ITEM') {
        return fail(
          `${path}.destinationNodeURI`,
          'INVALID_HIERARCHY',
          'Alignments point at framework items.',
        );
      }
      from.alignments.push({
        type: alignmentType,
        frameworkCode: frameworkCode as string,
        version: versionLabel,
        itemCode: inside.code,
      });
      return;
    }
    const target = typeof destination.uri === 'string' ? parseItemUri(destination.uri) : null;
    if (!target) {
      return fail(
        `${path}.destinationNodeURI`,
        'UNKNOWN_ITEM',
        'The destination is neither a CFItem of this package nor a framework item Pathways can name.',
      );
    }
    const alignment = { type: alignmentType, ...target };
    from.alignments.push(alignment);
    externalAlignments.push({ itemCode: from.code, alignment, field: at(`${path}.destinationNodeURI`) });
  });

  // ---- hierarchy and order ------------------------------------------------------------------------------
  for (const node of nodes) {
    const seen = new Set<Node>();
    let current: Node | 'DOCUMENT' | null = node;
    while (current !== null && current !== 'DOCUMENT') {
      if (seen.has(current)) {
        fail(`CFAssociations[${node.parentAssociation}]`, 'CYCLE', `${node.code} is its own ancestor.`);
      }
      seen.add(current);
      current = current.parent;
    }
    if (node.kind === 'PATHWAY' && (node.parent === null || node.parent === 'DOCUMENT')) {
      fail(
        `CFItems[${node.index}]`,
        'INVALID_HIERARCHY',
        'A level pathway must be a child (isChildOf) of a level.',
      );
    }
  }
  const orderOf = (n: Node) => n.sequenceNumber ?? n.listEnumeration;
  const byOrder = (a: Node, b: Node) =>
    (orderOf(a) ?? Number.MAX_SAFE_INTEGER) - (orderOf(b) ?? Number.MAX_SAFE_INTEGER) || a.index - b.index;

  const children = new Map<Node | null, Node[]>();
  for (const node of nodes.filter((n) => n.kind === 'ITEM')) {
    const key = node.parent === 'DOCUMENT' ? null : node.parent;
    children.set(key, [...(children.get(key) ?? []), node]);
  }
  const items: FrameworkItemContent[] = [];
  const visit = (parent: Node | null) => {
    const siblings = [...(children.get(parent) ?? [])].sort(byOrder);
    siblings.forEach((node, position) => {
      items.push({
        ...node.item!,
        parentCode: parent ? parent.code : null,
        ordinal: orderOf(node) ?? position + 1,
        alignments: node.alignments,
      });
      visit(node);
    });
  };
  visit(null);

  const levelNodes = nodes.filter((n) => n.kind === 'LEVEL').sort(byOrder);
  const ordinals = new Set<number>();
  const levels: FrameworkLevelContent[] = levelNodes.map((node, position) => {
    const ordinal = node.listEnumeration ?? node.sequenceNumber ?? position + 1;
    if (ordinals.has(ordinal)) {
      fail(
        `CFItems[${node.index}].listEnumeration`,
        'DUPLICATE_ORDINAL',
        `Two levels have the ordinal ${ordinal}.`,
      );
    }
    ordinals.add(ordinal);
    const pathwayNodes = nodes.filter((n) => n.kind === 'PATHWAY' && n.parent === node).sort(byOrder);
    const pathwayCodes = new Set<string>();
    for (const p of pathwayNodes) {
      if (pathwayCodes.has(p.code)) {
        fail(
          `CFItems[${p.index}].humanCodingScheme`,
          'DUPLICATE_CODE',
          `Level ${node.code} has two pathways ${p.code}.`,
        );
      }
      pathwayCodes.add(p.code);
    }
    return { ...node.level!, ordinal, pathways: pathwayNodes.map((p) => p.pathway!) };
  });

  return {
    content: {
      framework: { code: frameworkCode as string, name, owner, description },
      version: { version: versionLabel, status, effectiveFrom, effectiveTo, notes },
      items,
      levels: levels.sort((a, b) => a.ordinal - b.ordinal),
    },
    externalAlignments,
  };

  // ---- field readers (each failure names its field) --------------------------------------------------------
  function text1(value: unknown, path: string, max: number): string {
    if (typeof value !== 'string' || value.trim().length === 0) {
      return fail(
        path,
        value === undefined ? 'MISSING' : 'INVALID_VALUE',
        `${lastSegment(path)} must be a non-empty string.`,
      );
    }
    if (value.length > max)
      fail(path, 'INVALID_VALUE', `${lastSegment(path)} is longer than ${max} characters.`);
    return value;
  }
  function textAny(value: unknown, path: string, max = 20_000): string {
    if (typeof value !== 'string')
      return fail(path, 'INVALID_VALUE', `${lastSegment(path)} must be a string.`);
    if (value.length > max)
      fail(path, 'INVALID_VALUE', `${lastSegment(path)} is longer than ${max} characters.`);
    return value;
  }
  function optionalText(value: unknown, path: string, max: number): string | null {
    return value === undefined || value === null ? null : text1(value, path, max);
  }
  function nullableText(value: unknown, path: string): string | null {
    return value === null || value === undefined ? null : textAny(value, path);
  }
  function isoDate(value: unknown, path: string): IsoDate | null {
    if (value === null || value === undefined) return null;
    if (
      typeof value !== 'string' ||
      !ISO_DATE.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    ) {
      return fail(path, 'INVALID_VALUE', `${lastSegment(path)} must be a date like 2027-04-01.`);
    }
    return value;
  }
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extensionOf(value: Obj): Obj {
  const ext = isObj(value.extensions) ? value.extensions.pathways : undefined;
  return isObj(ext) ? ext : {};
}

function wholeNumber(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : null;
}

function lastSegment(path: string): string {
  return path.split('.').pop() ?? path;
}

/** `input.caseJson` → `input.`: override arguments sit beside the JSON text. */
function inputPrefix(field: string): string {
  const dot = field.lastIndexOf('.');
  return dot < 0 ? '' : field.slice(0, dot + 1);
}

function hierarchyRule(kind: NodeKind): string {
  if (kind === 'LEVEL') return 'A level is a child of the CFDocument only.';
  if (kind === 'PATHWAY') return 'A level pathway is a child of a level.';
  return 'A framework item is a child of the CFDocument or of another framework item.';
}
