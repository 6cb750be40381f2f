import { parseItemUri } from './case-uris.js';
import { isObj, wholeNumber, type CaseReader, type Obj } from './case-reader.js';
import { ALIGNMENT_TYPES, type AlignmentType, type ParsedCasePackage } from './exchange.types.js';
import type { CaseNode, CaseNodeKind, CaseNodes } from './read-case-items.js';

/** The CFDocument and the framework version its items' alignments to one another name. */
export interface CaseDocumentRef {
  identifier: string;
  uri: string | null;
  frameworkCode: string;
  version: string;
}

/**
 * Reads the CFAssociations onto the nodes: each isChildOf sets a node's parent and order (checking
 * which kinds may be children of which), every other known type adds an alignment. Returns the
 * alignments that point outside the package, for the caller to check.
 */
export function readCaseAssociations(
  rawAssociations: readonly unknown[],
  document: CaseDocumentRef,
  { byIdentifier, byUri }: CaseNodes,
  read: CaseReader,
): ParsedCasePackage['externalAlignments'] {
  const { at, fail, text1 } = read;
  const externalAlignments: ParsedCasePackage['externalAlignments'] = [];
  const associationIds = new Set<string>();
  const isDocument = (link: Obj) =>
    (typeof link.identifier === 'string' && link.identifier === document.identifier) ||
    (typeof link.uri === 'string' && document.uri !== null && link.uri === document.uri);
  const nodeOf = (link: Obj): CaseNode | null =>
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
        frameworkCode: document.frameworkCode,
        version: document.version,
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
  return externalAlignments;
}

function hierarchyRule(kind: CaseNodeKind): string {
  if (kind === 'LEVEL') return 'A level is a child of the CFDocument only.';
  if (kind === 'PATHWAY') return 'A level pathway is a child of a level.';
  return 'A framework item is a child of the CFDocument or of another framework item.';
}
