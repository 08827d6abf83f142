// Settings every SQLite connection of Frontline runs with: the app's and the migration runner's.
// SQLite keeps these per connection, not in the file, so each connection must set them itself.

/**
 * FULL: in WAL mode the log is synced to disk at every commit, so a write the app has
 * acknowledged survives a power loss too; NORMAL would only survive a crash of the process.
 * Why, and what it costs: docs/decisions/007-sqlite-durability.md.
 */
export const sqliteSynchronous = "FULL";

export const sqliteConnectionPragmas = `PRAGMA synchronous = ${sqliteSynchronous};`;
