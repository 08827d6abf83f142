-- CreateTable
CREATE TABLE "RolloutVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- Every change to the assignments or the module versions counts the one row up in the same
-- transaction, so the remembered rollout (app/training/rollout/enrollments.server.ts) can tell it
-- is stale with one read of one row. tests/integration/records-cache.test.ts checks every trigger
-- is still in place: rebuilding one of these tables in a later migration drops its triggers.
INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 0);
CREATE TRIGGER "Assignment_rollout_version_insert" AFTER INSERT ON "Assignment"
BEGIN UPDATE "RolloutVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Assignment_rollout_version_update" AFTER UPDATE ON "Assignment"
BEGIN UPDATE "RolloutVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Assignment_rollout_version_delete" AFTER DELETE ON "Assignment"
BEGIN UPDATE "RolloutVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ModuleVersion_rollout_version_insert" AFTER INSERT ON "ModuleVersion"
BEGIN UPDATE "RolloutVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ModuleVersion_rollout_version_update" AFTER UPDATE ON "ModuleVersion"
BEGIN UPDATE "RolloutVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ModuleVersion_rollout_version_delete" AFTER DELETE ON "ModuleVersion"
BEGIN UPDATE "RolloutVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
