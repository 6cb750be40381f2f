export * from './progression.types.js';
export { assertPathwayPublishable } from './assert-pathway-publishable.js';
export { evaluateEligibility } from './evaluate-eligibility.js';
export { findRouteCycle } from './find-route-cycle.js';
export { measureCloseness } from './measure-closeness.js';
export { TEMPLATE_PATHWAY_DESIGN } from './template-pathway.js';
export { validateCriterion } from './validate-criterion.js';
export { validatePathwayDesign } from './validate-pathway-design.js';
export { wholeMonthsBetween } from './whole-months-between.js';
