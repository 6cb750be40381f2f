import { findTooDeeplyNested as sut } from './variable-nesting.plugin.js';

/** `levels` objects, each under `criteria: [...]` of the one above. */
const chain = (levels: number): unknown => {
  let value: unknown = { type: 'CPD_COMPLIANCE' };
  for (let i = 1; i < levels; i += 1) value = { type: 'ALL_OF', criteria: [value] };
  return value;
};

describe('findTooDeeplyNested', () => {
  it('should pass variables within the limit, scalars and empty values included', () => {
    expect(sut({}, 3)).toBeNull();
    expect(sut({ a: 1, b: 'x', c: null, d: [] }, 1)).toBeNull();
    expect(sut({ input: { route: { key: 'K' } } }, 2)).toBeNull();
  });

  it('should name the first value nested past the limit, lists by index', () => {
    expect(sut({ input: { route: { key: 'K' } } }, 1)).toBe('input.route');
    expect(sut({ input: { tags: ['a'], route: { criteria: [{}, { criteria: [] }] } } }, 3)).toBe(
      'input.route.criteria[0]',
    );
    expect(sut({ ids: [[['x']]] }, 2)).toBe('ids[0][0]');
  });

  it('should measure nesting far deeper than the stack allows, without recursing', () => {
    expect(sut({ input: chain(100_000) }, 32)).toMatch(/^input\.criteria\[0\]/);
    expect(sut({ input: chain(10) }, 32)).toBeNull();
  });
});
