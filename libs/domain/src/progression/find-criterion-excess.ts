import { MAX_CRITERION_DEPTH, MAX_CRITERION_SIZE } from './progression.types.js';

/** How a criterion tree is too big: a criterion nested too deep (at `at`, below the root), or too many. */
export type CriterionExcess =
  { reason: 'TOO_DEEP'; at: string; maxDepth: number } | { reason: 'TOO_LARGE'; maxSize: number };

/**
 * The first way a criterion tree, as a client sent it, exceeds the limits: a criterion deeper than
 * MAX_CRITERION_DEPTH (the root is depth 1; `at` is its path below the root, e.g.
 * `.criteria[0].criteria[2]`), or more than MAX_CRITERION_SIZE criteria in all. Children are the
 * `criteria` array of any node, whatever its type. Walks without recursion and stops at the first
 * excess, so no shape of input can exhaust the stack or take long.
 */
export function findCriterionExcess(
  criterion: unknown,
  limits: { maxDepth: number; maxSize: number } = {
    maxDepth: MAX_CRITERION_DEPTH,
    maxSize: MAX_CRITERION_SIZE,
  },
): CriterionExcess | null {
  // Depth first, children in order, so the excess named is the first one in the document.
  const pending: { node: unknown; depth: number; at: string }[] = [{ node: criterion, depth: 1, at: '' }];
  let size = 0;
  while (pending.length > 0) {
    const { node, depth, at } = pending.pop()!;
    size += 1;
    if (size > limits.maxSize) return { reason: 'TOO_LARGE', maxSize: limits.maxSize };
    if (depth > limits.maxDepth) return { reason: 'TOO_DEEP', at, maxDepth: limits.maxDepth };
    const children = (node as { criteria?: unknown } | null)?.criteria;
    if (!Array.isArray(children)) continue;
    for (let i = children.length - 1; i >= 0; i -= 1) {
      pending.push({ node: children[i], depth: depth + 1, at: `${at}.criteria[${i}]` });
    }
  }
  return null;
}
