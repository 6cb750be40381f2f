import type { DerivedMappingSource, DerivedMappingStanding } from './remap.types.js';

const ACCEPTED = new Set(['ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL']);

/**
 * The rule for what a remapped mapping counts as (reference §10 rules 3 and 5: a level is reached
 * as judged by a person, and a sign-off records the version it was judged against).
 *
 * - A derived mapping is never signed off at a level: levels belong to a framework version, and
 *   nobody judged the evidence against the new version's level descriptors. It has no level at all.
 * - It is CARRIED (counts as approved evidence of the new item, as a coverage or item-share
 *   criterion reads it) only when the link is exactMatchOf, the source mapping was accepted and its
 *   evidence version is approved: the new item is the same capability, so the reviewer's judgement
 *   that the evidence shows it still holds, the level apart.
 * - A replacedBy link never carries a judgement: the replacement is a different statement, so the
 *   evidence is shown against it as UNJUDGED until a reviewer decides. So is anything derived from a
 *   mapping nobody has accepted yet (a draft, a submission, a mapping not accepted).
 *
 * Worked out from the source's current state whenever it is read, so a later decision on the
 * source is reflected at once and a derived mapping never holds a judgement of its own.
 */
export function derivedMappingStanding(source: DerivedMappingSource): DerivedMappingStanding {
  return source.via === 'exactMatchOf' &&
    source.status === 'APPROVED' &&
    source.decision !== null &&
    ACCEPTED.has(source.decision)
    ? 'CARRIED'
    : 'UNJUDGED';
}
