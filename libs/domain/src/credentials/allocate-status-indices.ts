import { isStatusBitSet } from './is-status-bit-set.js';
import type { RandomIndex } from './status-list.types.js';

/** Random tries before falling back to a scan; a list stays far from full for years at our sizes. */
const RANDOM_TRIES = 32;

/**
 * Up to `count` unused entries of a status list, chosen at random (so an entry's position says
 * nothing about when, or for whom, it was issued), with the allocation bitmap that marks them
 * taken. Fewer than `count` come back only when the list is full; the caller opens another.
 */
export function allocateStatusIndices(
  allocated: Uint8Array,
  count: number,
  randomIndex: RandomIndex,
): { indices: number[]; allocated: Uint8Array } {
  const taken = new Uint8Array(allocated);
  const length = taken.length * 8;
  const indices: number[] = [];
  const mark = (index: number) => {
    taken[index >> 3]! |= 0x80 >> (index & 7);
    indices.push(index);
  };
  while (indices.length < count) {
    let found: number | null = null;
    for (let i = 0; i < RANDOM_TRIES && found === null; i++) {
      const candidate = randomIndex(length);
      if (!isStatusBitSet(taken, candidate)) found = candidate;
    }
    if (found === null) {
      // Crowded: the first free entry after a random start, wrapping round.
      const start = randomIndex(length);
      for (let step = 0; step < length && found === null; step++) {
        const candidate = (start + step) % length;
        if (!isStatusBitSet(taken, candidate)) found = candidate;
      }
    }
    if (found === null) break;
    mark(found);
  }
  return { indices, allocated: taken };
}
