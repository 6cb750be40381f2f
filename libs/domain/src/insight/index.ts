export { resolveInsightRange } from './resolve-insight-range.js';
export { isGroupDisclosable } from './is-group-disclosable.js';
