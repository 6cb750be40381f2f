/**
 * A status list's bitstring of `length` entries with the given entries set, in the spec's bit
 * order: entry 0 is the left-most (most significant) bit of the first byte.
 */
export function statusBitstring(length: number, setIndices: Iterable<number>): Uint8Array {
  if (!Number.isInteger(length) || length <= 0 || length % 8 !== 0) {
    throw new RangeError('a status list holds a positive whole number of bytes');
  }
  const bits = new Uint8Array(length / 8);
  for (const index of setIndices) {
    if (!Number.isInteger(index) || index < 0 || index >= length) {
      throw new RangeError(`status index ${index} is outside a list of ${length} entries`);
    }
    bits[index >> 3]! |= 0x80 >> (index & 7);
  }
  return bits;
}
