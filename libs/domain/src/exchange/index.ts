export * from './exchange.types.js';
export { caseUris, parseItemUri } from './case-uris.js';
export { toCasePackage, type CaseIdentifierOf } from './to-case-package.js';
export {
  parseCasePackage,
  CASE_PROBLEMS,
  type CaseProblem,
  type ParseCaseOptions,
} from './parse-case-package.js';
