/**
 * The smallest status list the W3C Bitstring Status List spec allows: 131,072 entries (16 KB
 * uncompressed), so that one credential's bit hides among many others (herd privacy).
 */
export const STATUS_LIST_LENGTH = 131_072;

/** Picks a whole number in [0, size): the service passes a cryptographic random source. */
export type RandomIndex = (size: number) => number;
