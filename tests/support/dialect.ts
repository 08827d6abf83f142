// Which database this test run is on: SQLite under `npm run test:unit`, PostgreSQL under
// `npm run test:pg` (tests/setup/setup-each.ts sets DATABASE_URL before test files load).
export const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
