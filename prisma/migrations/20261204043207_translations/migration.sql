-- Languages of learning records. Written as ADD COLUMN rather than Prisma's table rebuild, which
-- would drop the immutability and records-version triggers on these tables.
ALTER TABLE "Attestation" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "Attestation" ADD COLUMN "statementHash" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ModuleCompletion" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "QuizAttempt" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "ScenarioRun" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
