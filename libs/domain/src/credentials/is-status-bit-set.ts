/** Whether entry `index` is set; index 0 is the left-most (most significant) bit of the first byte. */
export function isStatusBitSet(bits: Uint8Array, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new RangeError(`status index ${index} is outside a list of ${bits.length * 8} entries`);
  }
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}
