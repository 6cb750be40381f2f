import type { FrameworkItemContent, FrameworkLevelContent } from './exchange.types.js';
import type { CaseReader } from './case-reader.js';
import type { CaseNode } from './read-case-items.js';

/**
 * Checks the hierarchy the associations built (no cycles; every pathway under a level) and lays it
 * out: items depth first, siblings by sequence number or list enumeration, then document order;
 * levels by ordinal, each with its pathways.
 */
export function orderCaseNodes(
  nodes: readonly CaseNode[],
  { fail }: CaseReader,
): { items: FrameworkItemContent[]; levels: FrameworkLevelContent[] } {
  for (const node of nodes) {
    const seen = new Set<CaseNode>();
    let current: CaseNode | 'DOCUMENT' | null = node;
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
  const orderOf = (n: CaseNode) => n.sequenceNumber ?? n.listEnumeration;
  const byOrder = (a: CaseNode, b: CaseNode) =>
    (orderOf(a) ?? Number.MAX_SAFE_INTEGER) - (orderOf(b) ?? Number.MAX_SAFE_INTEGER) || a.index - b.index;

  const children = new Map<CaseNode | null, CaseNode[]>();
  for (const node of nodes.filter((n) => n.kind === 'ITEM')) {
    const key = node.parent === 'DOCUMENT' ? null : node.parent;
    children.set(key, [...(children.get(key) ?? []), node]);
  }
  const items: FrameworkItemContent[] = [];
  const visit = (parent: CaseNode | null) => {
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
  return { items, levels: levels.sort((a, b) => a.ordinal - b.ordinal) };
}
