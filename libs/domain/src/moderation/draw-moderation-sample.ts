import { DomainError } from '../errors.js';
import type { SampleCandidate, SampleRequest } from './moderation.types.js';
import { seededRandom } from './seeded-random.js';

/**
 * Draws the ASYEs for a moderation panel (reference: partnerships sample about 10% of portfolios,
 * a national panel a random 5%), deterministically from `seed`, whatever order the candidates come in:
 * - `RANDOM`: a simple random sample of `size`.
 * - `STRATIFIED_BY_ASSESSOR`: proportional allocation across assessors with at least one ASYE from
 *   every assessor when `size` allows (the rest by largest remainder of `size × share`); when there
 *   are more assessors than places, `size` assessors drawn at random give one each.
 * The result is in drawn order (shuffled), which is the order of the pack's labels.
 */
export function drawModerationSample(
  candidates: readonly SampleCandidate[],
  request: SampleRequest,
): SampleCandidate[] {
  const { size, method, seed } = request;
  if (!Number.isInteger(size) || size < 1) {
    throw new DomainError('MODERATION_SAMPLE_TOO_LARGE', 'A sample holds at least one ASYE.', 'input.size');
  }
  const pool = [...new Map(candidates.map((c) => [c.asyeId, c])).values()].sort((a, b) =>
    compare(a.asyeId, b.asyeId),
  );
  if (size > pool.length) {
    throw new DomainError(
      'MODERATION_SAMPLE_TOO_LARGE',
      pool.length === 0
        ? 'No ASYE matches: widen the cohort, or draw later.'
        : `Only ${pool.length} ASYE${pool.length === 1 ? '' : 's'} match: draw ${pool.length} or fewer.`,
      'input.size',
      { eligible: pool.length },
    );
  }
  const random = seededRandom(seed);
  if (method === 'RANDOM') return shuffle(pool, random).slice(0, size);

  const strata = [...groupBy(pool, (c) => c.assessorUserId)].sort(([a], [b]) => compare(a, b));
  const shuffled = strata.map(([, members]) => shuffle(members, random));
  const places = allocate(
    shuffled.map((m) => m.length),
    size,
    random,
  );
  return shuffle(
    shuffled.flatMap((members, i) => members.slice(0, places[i])),
    random,
  );
}

/** Places per stratum: at least one each when `size` allows, the rest in proportion to stratum size. */
function allocate(sizes: readonly number[], size: number, random: () => number): number[] {
  const places = sizes.map(() => 0);
  if (size < sizes.length) {
    for (const i of shuffle(
      sizes.map((_, i) => i),
      random,
    ).slice(0, size))
      places[i] = 1;
    return places;
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  const quota = sizes.map((n) => (size * n) / total);
  places.fill(1);
  for (let left = size - sizes.length; left > 0; left -= 1) {
    // The stratum furthest below its quota that has room; ties to the larger, then the first.
    let best = -1;
    for (let i = 0; i < sizes.length; i += 1) {
      if (places[i]! >= sizes[i]!) continue;
      if (
        best < 0 ||
        quota[i]! - places[i]! > quota[best]! - places[best]! + 1e-9 ||
        (Math.abs(quota[i]! - places[i]! - (quota[best]! - places[best]!)) <= 1e-9 &&
          sizes[i]! > sizes[best]!)
      ) {
        best = i;
      }
    }
    places[best] = places[best]! + 1;
  }
  return places;
}

/** Fisher–Yates on a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
