/** Small deterministic PRNG (mulberry32) so folds are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Stratified k folds: items are grouped by `stratum`, each group shuffled, then dealt round-robin
 * (continuing across groups) so every fold gets its share of every stratum. Returns fold index per item.
 */
export function stratifiedFolds<T>(items: readonly T[], k: number, stratum: (item: T) => string, seed: number): number[] {
  const random = seededRandom(seed);
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = stratum(item);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const fold = new Array<number>(items.length);
  let next = 0;
  for (const key of [...groups.keys()].sort()) {
    for (const i of shuffled(groups.get(key)!, random)) fold[i] = next++ % k;
  }
  return fold;
}
