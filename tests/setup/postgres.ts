import pg from "pg";

// Shared by the PostgreSQL global setup and setup-each.ts.

export const templateDatabase = "frontline_template";

/** The URL of another database on the same server as `url`. */
export function postgresDatabaseUrl(url: string, database: string) {
  const other = new URL(url);
  other.pathname = `/${database}`;
  return other.href;
}

/**
 * A fresh copy of the template as `database` (dropped first: an earlier test file of this pool slot
 * may have left it, and its connections). Returns the new database's URL.
 */
export async function createDatabaseFromTemplate(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database} TEMPLATE ${templateDatabase}`);
  } finally {
    await client.end();
  }
  return postgresDatabaseUrl(serverUrl, database);
}
