/**
 * Whether a key taken from a request (a URL segment, a query value) can be looked up at all. No
 * stored key holds U+0000, and PostgreSQL answers text containing it with an error rather than
 * with no row, so such a key is simply not found, on SQLite and PostgreSQL alike.
 */
export const isLookupKey = (key: string) => !key.includes("\0");
