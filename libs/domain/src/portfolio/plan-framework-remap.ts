import { DomainError } from '../errors.js';
import type {
  FrameworkRemapPlan,
  PlanFrameworkRemapInput,
  PlannedDerivedMapping,
  RemapLinkType,
  RemapSourceMapping,
} from './remap.types.js';

/**
 * Plans remapping evidence from one framework version to another (PCF 2018 to a refreshed PCF, the
 * KSS to the Early Career Standards) along the links between their items:
 *
 * - followed: confirmed links only (an unconfirmed one is a PSW's judgement still to be checked;
 *   imported CASE associations count as confirmed), of type replacedBy from an item remapped from to
 *   an item remapped to, or exactMatchOf in either direction (the same capability both ways, and a
 *   CASE package can only state links from its own items, so the new version's package says
 *   "new exactMatchOf old"). Where both types join a pair, exactMatchOf wins. Links to any other
 *   version are ignored.
 * - each source mapping gets one derived mapping per target item, unless its evidence version
 *   already maps to that item itself (the original mapping stands); with no target at all it is
 *   reported unmapped. One item split into two gives two derived mappings; two merged into one give
 *   one each, which coverage counts once per piece.
 * - what a derived mapping counts as is `derivedMappingStanding`: never a level, and a judgement
 *   carried only along exactMatchOf.
 *
 * Refused: the same version on both sides (FRAMEWORK_REMAP_SAME_VERSION) and a pair of versions
 * with no link to follow (FRAMEWORK_REMAP_NO_LINKS), both on `${fieldPrefix}toVersion`.
 */
export function planFrameworkRemap(input: PlanFrameworkRemapInput, fieldPrefix = ''): FrameworkRemapPlan {
  const field = `${fieldPrefix}toVersion`;
  if (input.fromVersionId === input.toVersionId) {
    throw new DomainError(
      'FRAMEWORK_REMAP_SAME_VERSION',
      'Remap evidence to another framework version: this is the version it is mapped to already.',
      field,
    );
  }
  const fromItems = new Set(input.fromItemIds);
  const toOrder = new Map(input.toItemIds.map((id, index) => [id, index]));

  const viaByPair = new Map<string, Map<string, RemapLinkType>>();
  const follow = (fromItemId: string, toItemId: string, via: RemapLinkType) => {
    let targets = viaByPair.get(fromItemId);
    if (!targets) viaByPair.set(fromItemId, (targets = new Map()));
    if (targets.get(toItemId) !== 'exactMatchOf') targets.set(toItemId, via);
  };
  for (const link of input.links) {
    if (!link.confirmed) continue;
    if (link.type === 'replacedBy' || link.type === 'exactMatchOf') {
      if (fromItems.has(link.fromItemId) && toOrder.has(link.toItemId)) {
        follow(link.fromItemId, link.toItemId, link.type);
      }
    }
    if (link.type === 'exactMatchOf' && toOrder.has(link.fromItemId) && fromItems.has(link.toItemId)) {
      follow(link.toItemId, link.fromItemId, 'exactMatchOf');
    }
  }
  if (viaByPair.size === 0) {
    throw new DomainError(
      'FRAMEWORK_REMAP_NO_LINKS',
      'No confirmed replacedBy or exactMatchOf link joins these versions: add the links first (a CASE import or your own).',
      field,
    );
  }

  // In framework order: items remapped from as given, then their targets.
  const targetsOf = new Map<string, { toItemId: string; via: RemapLinkType }[]>();
  for (const fromItemId of input.fromItemIds) {
    const targets = viaByPair.get(fromItemId);
    if (!targets || targetsOf.has(fromItemId)) continue;
    targetsOf.set(
      fromItemId,
      [...targets]
        .map(([toItemId, via]) => ({ toItemId, via }))
        .sort((a, b) => toOrder.get(a.toItemId)! - toOrder.get(b.toItemId)!),
    );
  }

  const derived: PlannedDerivedMapping[] = [];
  const unmapped: RemapSourceMapping[] = [];
  const alreadyMapped: RemapSourceMapping[] = [];
  const seen = new Set<string>();
  for (const source of input.sources) {
    if (seen.has(source.mappingId) || !fromItems.has(source.itemId)) continue;
    seen.add(source.mappingId);
    const targets = targetsOf.get(source.itemId);
    if (!targets) {
      unmapped.push(source);
      continue;
    }
    const own = input.originalTargets.get(source.evidenceVersionId);
    const fresh = targets.filter((t) => !own?.has(t.toItemId));
    if (fresh.length === 0) alreadyMapped.push(source);
    for (const t of fresh) {
      derived.push({
        sourceMappingId: source.mappingId,
        evidenceVersionId: source.evidenceVersionId,
        toItemId: t.toItemId,
        via: t.via,
      });
    }
  }

  return {
    links: [...targetsOf].flatMap(([fromItemId, targets]) => targets.map((t) => ({ fromItemId, ...t }))),
    derived,
    unmapped,
    alreadyMapped,
    itemsWithoutTarget: input.fromItemIds.filter((id) => !targetsOf.has(id)),
  };
}
