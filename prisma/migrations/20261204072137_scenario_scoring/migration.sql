-- The scoring mode of a role-play run. Written as ADD COLUMN rather than Prisma's table rebuild,
-- which would drop the records-version triggers on this table.
ALTER TABLE "ScenarioRun" ADD COLUMN "scoring" TEXT NOT NULL DEFAULT 'path';
