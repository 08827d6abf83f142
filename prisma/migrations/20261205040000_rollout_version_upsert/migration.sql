-- The rollout counter's triggers insert the row when it is missing (a database emptied and
-- filled again, a row deleted by hand) instead of updating nothing, as the records' counter does.
-- Until the next change, a missing row reads as version 0 (app/training/rollout/enrollments.server.ts).
DROP TRIGGER "Assignment_rollout_version_insert";
DROP TRIGGER "Assignment_rollout_version_update";
DROP TRIGGER "Assignment_rollout_version_delete";
DROP TRIGGER "ModuleVersion_rollout_version_insert";
DROP TRIGGER "ModuleVersion_rollout_version_update";
DROP TRIGGER "ModuleVersion_rollout_version_delete";
CREATE TRIGGER "Assignment_rollout_version_insert" AFTER INSERT ON "Assignment"
BEGIN INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RolloutVersion"."version" + 1; END;
CREATE TRIGGER "Assignment_rollout_version_update" AFTER UPDATE ON "Assignment"
BEGIN INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RolloutVersion"."version" + 1; END;
CREATE TRIGGER "Assignment_rollout_version_delete" AFTER DELETE ON "Assignment"
BEGIN INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RolloutVersion"."version" + 1; END;
CREATE TRIGGER "ModuleVersion_rollout_version_insert" AFTER INSERT ON "ModuleVersion"
BEGIN INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RolloutVersion"."version" + 1; END;
CREATE TRIGGER "ModuleVersion_rollout_version_update" AFTER UPDATE ON "ModuleVersion"
BEGIN INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RolloutVersion"."version" + 1; END;
CREATE TRIGGER "ModuleVersion_rollout_version_delete" AFTER DELETE ON "ModuleVersion"
BEGIN INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "RolloutVersion"."version" + 1; END;
INSERT INTO "RolloutVersion" ("id", "version") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
