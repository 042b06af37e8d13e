/**
 * The documents a query word reaches by several ways, each at the best weight one of them gives it: a word's
 * translations, a word run together, an -less word (score.ts, split-words.ts, without.ts) add their documents
 * into one map, where a document keeps its best weight rather than the last one added.
 */

/** Document `d` into `docs` at weight `weight`, where that beats what `docs` holds for it. */
export function keepBestOne(docs: Map<number, number>, d: number, weight: number): void {
  if ((docs.get(d) ?? 0) < weight) docs.set(d, weight);
}

/** Each document of `found` into `docs` at its weight there times `share`, where that beats what `docs` holds. */
export function keepBest(docs: Map<number, number>, found: ReadonlyMap<number, number>, share = 1): void {
  found.forEach((w, d) => {
    keepBestOne(docs, d, w * share);
  });
}
