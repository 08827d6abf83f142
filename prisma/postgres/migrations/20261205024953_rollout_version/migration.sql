-- CreateTable
CREATE TABLE "RolloutVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RolloutVersion_pkey" PRIMARY KEY ("id")
);

-- Every change to the assignments or the module versions counts the one row up in the same
-- transaction, so the remembered rollout (app/training/rollout/enrollments.server.ts) can tell it
-- is stale with one read of one row. tests/integration/records-cache.test.ts checks every trigger
-- is still in place. Once per statement: a statement changing many rows counts once.
INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 0);
CREATE FUNCTION "rollout_version_bump"() RETURNS trigger AS $$
BEGIN
  UPDATE "RolloutVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Assignment_rollout_version" AFTER INSERT OR UPDATE OR DELETE ON "Assignment"
FOR EACH STATEMENT EXECUTE FUNCTION "rollout_version_bump"();
CREATE TRIGGER "ModuleVersion_rollout_version" AFTER INSERT OR UPDATE OR DELETE ON "ModuleVersion"
FOR EACH STATEMENT EXECUTE FUNCTION "rollout_version_bump"();
