export * from './credentials.types.js';
export * from './build-achievement-credential.js';
export { formatVerificationCode } from './format-verification-code.js';
export { normaliseVerificationCode } from './normalise-verification-code.js';
export * from './status-list.types.js';
export { allocateStatusIndices } from './allocate-status-indices.js';
export { statusBitstring } from './status-bitstring.js';
export { isStatusBitSet } from './is-status-bit-set.js';
export { buildStatusListCredential } from './build-status-list-credential.js';
