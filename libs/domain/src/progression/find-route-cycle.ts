import type { PathwayRoute, RouteCycle } from './progression.types.js';

type Edge = Pick<PathwayRoute, 'key' | 'fromStageKey' | 'toStageKey'>;

/**
 * The first cycle the routes form, taking them in the order given: the first route that leads back
 * to its own starting stage through routes before it (a route from a stage to itself is a cycle of
 * one). `null` when the routes form a directed acyclic graph.
 */
export function findRouteCycle(routes: readonly Edge[]): RouteCycle | null {
  const outgoing = new Map<string, Edge[]>();
  for (let routeIndex = 0; routeIndex < routes.length; routeIndex++) {
    const route = routes[routeIndex];
    const path = findPath(outgoing, route.toStageKey, route.fromStageKey);
    if (path !== null) {
      return {
        routeIndex,
        stageKeys: [route.fromStageKey, ...path.map((r) => r.fromStageKey)],
        routeKeys: [route.key, ...path.map((r) => r.key)],
      };
    }
    outgoing.set(route.fromStageKey, [...(outgoing.get(route.fromStageKey) ?? []), route]);
  }
  return null;
}

/** The routes of a shortest path from `start` to `target` (empty when they are the same stage). */
function findPath(
  outgoing: ReadonlyMap<string, readonly Edge[]>,
  start: string,
  target: string,
): Edge[] | null {
  if (start === target) return [];
  const via = new Map<string, Edge>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const stage = queue.shift()!;
    for (const edge of outgoing.get(stage) ?? []) {
      if (seen.has(edge.toStageKey)) continue;
      seen.add(edge.toStageKey);
      via.set(edge.toStageKey, edge);
      if (edge.toStageKey === target) {
        const path: Edge[] = [];
        for (let at = target; at !== start; at = via.get(at)!.fromStageKey) path.unshift(via.get(at)!);
        return path;
      }
      queue.push(edge.toStageKey);
    }
  }
  return null;
}
