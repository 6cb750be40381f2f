export * from './moderation.types.js';
export { createPackAnonymiser } from './create-pack-anonymiser.js';
export { drawModerationSample } from './draw-moderation-sample.js';
export { labelSample, letterLabel } from './label-sample.js';
export { seededRandom } from './seeded-random.js';
