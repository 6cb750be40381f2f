export * from './errors.js';
export * from './identity/assert-can-grant-roles.js';
export * from './identity/assert-can-verify-qualification.js';
export * from './identity/check-password-strength.js';
export * from './identity/roles.js';
export * from './portfolio/index.js';
export * from './compliance/index.js';
export * from './progression/index.js';
