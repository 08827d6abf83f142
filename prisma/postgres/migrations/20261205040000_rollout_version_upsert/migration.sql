-- The rollout counter's triggers insert the row when it is missing (a database emptied and
-- filled again, a row deleted by hand) instead of updating nothing, as the records' counter does,
-- and fire per row: a statement that changes no row (ending an assignment already ended) counts
-- nothing. Until the next change, a missing row reads as version 0
-- (app/training/rollout/enrollments.server.ts).
CREATE OR REPLACE FUNCTION "rollout_version_bump"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RolloutVersion"."version" + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER "Assignment_rollout_version" ON "Assignment";
DROP TRIGGER "ModuleVersion_rollout_version" ON "ModuleVersion";
CREATE TRIGGER "Assignment_rollout_version" AFTER INSERT OR UPDATE OR DELETE ON "Assignment"
FOR EACH ROW EXECUTE FUNCTION "rollout_version_bump"();
CREATE TRIGGER "ModuleVersion_rollout_version" AFTER INSERT OR UPDATE OR DELETE ON "ModuleVersion"
FOR EACH ROW EXECUTE FUNCTION "rollout_version_bump"();
INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
