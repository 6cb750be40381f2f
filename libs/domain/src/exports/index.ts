export * from './exports.types.js';
export { cpdActivityTypeLabel } from './cpd-activity-type-label.js';
