-- AlterTable
ALTER TABLE "ScenarioRun" ADD COLUMN     "scoring" TEXT NOT NULL DEFAULT 'path';
