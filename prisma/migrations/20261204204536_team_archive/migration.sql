-- AlterTable
ALTER TABLE "Team" ADD COLUMN "archivedAt" DATETIME;
