export * from './credentials.types.js';
export * from './build-achievement-credential.js';
export { formatVerificationCode } from './format-verification-code.js';
export { normaliseVerificationCode } from './normalise-verification-code.js';
