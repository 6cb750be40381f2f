export * from './exchange.types.js';
export { caseUris, parseItemUri } from './case-uris.js';
export { toCasePackage, type CaseIdentifierOf } from './to-case-package.js';
export { parseCasePackage, type ParseCaseOptions } from './parse-case-package.js';
export {
  assertFrameworkAlignment,
  type ProposedFrameworkAlignment,
  type AlignmentItemOwner,
} from './assert-framework-alignment.js';
