-- CreateTable
CREATE TABLE "RecordsVersion" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- Every change to a person's training records counts their version up in the same transaction,
-- so a cache of their progress (app/training/rollout/records-cache.server.ts) can tell it is
-- stale without reading the records. Attestations are insert-only (an earlier migration).
-- tests/integration/records-cache.test.ts checks every trigger is still in place: rebuilding one
-- of these tables in a later migration drops its triggers, which must then be created again.
CREATE TRIGGER "QuizAttempt_records_version_insert" AFTER INSERT ON "QuizAttempt"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "QuizAttempt_records_version_update" AFTER UPDATE ON "QuizAttempt"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "QuizAttempt_records_version_delete" AFTER DELETE ON "QuizAttempt"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (OLD."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "ScenarioRun_records_version_insert" AFTER INSERT ON "ScenarioRun"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "ScenarioRun_records_version_update" AFTER UPDATE ON "ScenarioRun"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "ScenarioRun_records_version_delete" AFTER DELETE ON "ScenarioRun"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (OLD."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "SectionRead_records_version_insert" AFTER INSERT ON "SectionRead"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "SectionRead_records_version_update" AFTER UPDATE ON "SectionRead"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "SectionRead_records_version_delete" AFTER DELETE ON "SectionRead"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (OLD."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "Attestation_records_version_insert" AFTER INSERT ON "Attestation"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "ModuleCompletion_records_version_insert" AFTER INSERT ON "ModuleCompletion"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "ModuleCompletion_records_version_update" AFTER UPDATE ON "ModuleCompletion"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (NEW."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
CREATE TRIGGER "ModuleCompletion_records_version_delete" AFTER DELETE ON "ModuleCompletion"
BEGIN INSERT INTO "RecordsVersion" ("userId", "version") VALUES (OLD."userId", 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1; END;
