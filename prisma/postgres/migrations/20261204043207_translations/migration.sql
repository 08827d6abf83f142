-- AlterTable
ALTER TABLE "Attestation" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "statementHash" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ModuleCompletion" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "ScenarioRun" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';
