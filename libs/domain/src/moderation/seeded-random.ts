/**
 * A small, fast pseudo-random generator (mulberry32) from a 32-bit seed: numbers in [0, 1). Not for
 * secrets; for draws a panel must be able to repeat from the seed the pack records.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
