export * from './contributions.types.js';
export {
  assertCanReconcileSignOff,
  signOffAgreementOf,
  type SignOffFacts,
} from './assert-can-reconcile-sign-off.js';
export { assertCanRequestContribution } from './assert-can-request-contribution.js';
export { checkContributorStatement, checkCountersignature } from './check-contributor-statement.js';
export { contributionLinkExpiry } from './contribution-link-expiry.js';
export { contributionLinkState } from './contribution-link-state.js';
export { feedbackKindFor } from './feedback-kind-for.js';
