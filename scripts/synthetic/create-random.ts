/** A seeded pseudo-random source: the same seed always gives the same sequence. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One of the keys, drawn with the given weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct keys drawn with the given weights, without replacement. */
  sample<K extends string>(weights: Readonly<Record<K, number>>, count: number): K[];
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter generator), seeded through a string hash so that
 * `createRandom('7:org-3')` and `createRandom('7:org-4')` are independent streams.
 */
export function createRandom(seed: string): Random {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  let a = h1 >>> 0;
  let b = h2 >>> 0;
  let c = h3 >>> 0;
  let d = h4 >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();

  const weighted = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = next() * total;
    for (const [key, w] of entries) {
      x -= w;
      if (x < 0) return key;
    }
    return entries.at(-1)![0];
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample: (weights, count) => {
      // Efraimidis–Spirakis: the keys with the largest u^(1/w) form a weighted sample without replacement.
      const keyed = (Object.entries(weights) as [string, number][]).map(([key, w]) => ({
        key,
        score: Math.log(next() || Number.MIN_VALUE) / w,
      }));
      keyed.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1));
      return keyed.slice(0, count).map((k) => k.key) as never;
    },
  };
}
