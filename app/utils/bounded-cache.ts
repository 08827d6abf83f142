import { LRUCache } from "lru-cache";

/**
 * Remembered answers of pure work by a string key, at most `limit` of them, the least recently
 * used going first: for work repeated with few distinct inputs (zone offsets, due dates). The
 * same library bounds the per-person records (records-cache.server.ts).
 */
export function boundedCache<T extends NonNullable<unknown> | null>(limit: number) {
  // lru-cache stores no undefined or null: a null answer is kept wrapped.
  const answers = new LRUCache<string, { value: T }>({ max: limit });
  return (key: string, compute: () => T): T => {
    const known = answers.get(key);
    if (known) return known.value;
    const value = compute();
    answers.set(key, { value });
    return value;
  };
}
