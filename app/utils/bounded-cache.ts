/**
 * Remembered answers of pure work by a string key, all forgotten at once when `limit` is
 * reached: for work repeated with few distinct inputs (zone offsets, due dates), where a rare
 * full clear costs less than keeping track of the least recently used.
 */
export function boundedCache<T>(limit: number) {
  const answers = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    if (answers.has(key)) return answers.get(key) as T;
    const value = compute();
    if (answers.size >= limit) answers.clear();
    answers.set(key, value);
    return value;
  };
}
