import { isStatusBitSet } from './is-status-bit-set.js';

/** A copy of the bitstring with entry `index` set (the spec's bit order, as `isStatusBitSet`). */
export function setStatusBit(bits: Uint8Array, index: number): Uint8Array {
  isStatusBitSet(bits, index); // refuses an index outside the list
  const copy = new Uint8Array(bits);
  copy[index >> 3]! |= 0x80 >> (index & 7);
  return copy;
}
