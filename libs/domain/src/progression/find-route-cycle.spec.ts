import { findRouteCycle as sut } from './find-route-cycle.js';
import type { RouteCycle } from './progression.types.js';

const r = (key: string) => {
  const [from, to] = key.split('>');
  return { key, fromStageKey: from, toStageKey: to };
};

describe('findRouteCycle', () => {
  it.each<[string, string[]]>([
    ['no routes', []],
    ['a chain', ['A>B', 'B>C', 'C>D']],
    ['a diamond', ['A>B', 'A>C', 'B>D', 'C>D']],
    ['one stage leading to several', ['A>B', 'A>C', 'A>D', 'B>E', 'C>E']],
    ['two routes the same way', ['A>B', 'A>B']],
  ])('should find no cycle in %s', (_label, keys) => {
    expect(sut(keys.map(r))).toBeNull();
  });

  it.each<[string, string[], RouteCycle]>([
    ['a route to its own stage', ['A>B', 'B>B'], { routeIndex: 1, stageKeys: ['B'], routeKeys: ['B>B'] }],
    ['a route back', ['A>B', 'B>A'], { routeIndex: 1, stageKeys: ['B', 'A'], routeKeys: ['B>A', 'A>B'] }],
    [
      'a long way round',
      ['A>B', 'B>C', 'X>Y', 'C>D', 'D>B'],
      { routeIndex: 4, stageKeys: ['D', 'B', 'C'], routeKeys: ['D>B', 'B>C', 'C>D'] },
    ],
    [
      'a cycle closed by a route listed first',
      ['C>A', 'A>B', 'B>C'],
      { routeIndex: 2, stageKeys: ['B', 'C', 'A'], routeKeys: ['B>C', 'C>A', 'A>B'] },
    ],
  ])('should find %s', (_label, keys, expected) => {
    expect(sut(keys.map(r))).toEqual(expected);
  });
});
