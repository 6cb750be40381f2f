import {
  LEVEL_ITEM_TYPE,
  LEVEL_PATHWAY_ITEM_TYPE,
  type FrameworkItemContent,
  type FrameworkLevelContent,
} from './exchange.types.js';
import { extensionOf, isObj, wholeNumber, type CaseReader } from './case-reader.js';

export type CaseNodeKind = 'ITEM' | 'LEVEL' | 'PATHWAY';

/** A CFItem as read: an item, a level or a level pathway, its place in the hierarchy still to come. */
export interface CaseNode {
  index: number;
  kind: CaseNodeKind;
  identifier: string;
  uri: string | null;
  code: string;
  listEnumeration: number | null;
  item?: Omit<FrameworkItemContent, 'parentCode' | 'ordinal' | 'alignments'>;
  level?: Omit<FrameworkLevelContent, 'ordinal' | 'pathways'>;
  pathway?: FrameworkLevelContent['pathways'][number];
  parent: CaseNode | 'DOCUMENT' | null;
  parentAssociation: number | null;
  sequenceNumber: number | null;
  alignments: FrameworkItemContent['alignments'];
}

/** The package's nodes in document order, found by identifier and by URI. */
export interface CaseNodes {
  nodes: CaseNode[];
  byIdentifier: Map<string, CaseNode>;
  byUri: Map<string, CaseNode>;
}

/**
 * Reads the CFItems: each one's identifier (unique in the package, the CFDocument's included), code
 * (unique among items, and among levels), kind and content.
 */
export function readCaseItems(
  rawItems: readonly unknown[],
  docIdentifier: string,
  read: CaseReader,
): CaseNodes {
  const { fail, text1, textAny, optionalText } = read;
  const nodes: CaseNode[] = [];
  const byIdentifier = new Map<string, CaseNode>();
  const byUri = new Map<string, CaseNode>();
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
    const kind: CaseNodeKind =
      type === LEVEL_ITEM_TYPE ? 'LEVEL' : type === LEVEL_PATHWAY_ITEM_TYPE ? 'PATHWAY' : 'ITEM';
    const label = raw.alternativeLabel ?? raw.abbreviatedStatement;
    const confirmed = ext.confirmed === undefined ? true : ext.confirmed;
    if (typeof confirmed !== 'boolean')
      fail(`${path}.extensions.pathways.confirmed`, 'INVALID_VALUE', 'confirmed is true or false.');
    const node: CaseNode = {
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
  return { nodes, byIdentifier, byUri };
}
