-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3),
ADD COLUMN     "searchKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

-- The latest sign-in known so far: the latest use of a remembered device. The search key of
-- existing people is filled in at start (it needs Unicode folding; app/startup.server.ts).
UPDATE "User" SET "lastSignInAt" = (SELECT MAX("lastSeenAt") FROM "KnownDevice" WHERE "KnownDevice"."userId" = "User"."id");
