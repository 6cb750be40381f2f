export * from './access.types.js';
export { decideAccess } from './decide-access.js';
