-- CreateTable
CREATE TABLE "RecordsVersion" (
    "userId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RecordsVersion_pkey" PRIMARY KEY ("userId")
);

-- Every change to a person's training records counts their version up in the same transaction,
-- so a cache of their progress (app/training/rollout/records-cache.server.ts) can tell it is
-- stale without reading the records. Attestations are insert-only (an earlier migration).
-- tests/integration/records-cache.test.ts checks every trigger is still in place: rebuilding one
-- of these tables in a later migration drops its triggers, which must then be created again.
CREATE FUNCTION "records_version_bump"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "RecordsVersion" ("userId", "version")
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD."userId" ELSE NEW."userId" END, 1)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "RecordsVersion"."version" + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "QuizAttempt_records_version" AFTER INSERT OR UPDATE OR DELETE ON "QuizAttempt"
FOR EACH ROW EXECUTE FUNCTION "records_version_bump"();
CREATE TRIGGER "ScenarioRun_records_version" AFTER INSERT OR UPDATE OR DELETE ON "ScenarioRun"
FOR EACH ROW EXECUTE FUNCTION "records_version_bump"();
CREATE TRIGGER "SectionRead_records_version" AFTER INSERT OR UPDATE OR DELETE ON "SectionRead"
FOR EACH ROW EXECUTE FUNCTION "records_version_bump"();
CREATE TRIGGER "Attestation_records_version" AFTER INSERT ON "Attestation"
FOR EACH ROW EXECUTE FUNCTION "records_version_bump"();
CREATE TRIGGER "ModuleCompletion_records_version" AFTER INSERT OR UPDATE OR DELETE ON "ModuleCompletion"
FOR EACH ROW EXECUTE FUNCTION "records_version_bump"();
