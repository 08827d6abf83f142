-- AlterTable
ALTER TABLE "ModuleCompletion" ADD COLUMN     "certificateCode" TEXT;
-- Completions recorded before certificates existed get a random code of their own.
UPDATE "ModuleCompletion" SET "certificateCode" = substr(md5(random()::text || "id"), 1, 16);
ALTER TABLE "ModuleCompletion" ALTER COLUMN "certificateCode" SET NOT NULL;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Ljubljana';

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "roles" TEXT NOT NULL DEFAULT '[]',
    "teamIds" TEXT NOT NULL DEFAULT '[]',
    "dueRule" TEXT NOT NULL DEFAULT 'after_assignment',
    "dueDays" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SectionRead" (
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionRead_pkey" PRIMARY KEY ("userId","moduleSlug","moduleVersion","sectionId")
);

-- CreateTable
CREATE TABLE "ReminderOutbox" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "ReminderOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assignment_moduleSlug_idx" ON "Assignment"("moduleSlug");

-- CreateIndex
CREATE INDEX "ReminderOutbox_sentAt_idx" ON "ReminderOutbox"("sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderOutbox_userId_moduleSlug_kind_slot_key" ON "ReminderOutbox"("userId", "moduleSlug", "kind", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleCompletion_certificateCode_key" ON "ModuleCompletion"("certificateCode");

-- AddForeignKey
ALTER TABLE "SectionRead" ADD CONSTRAINT "SectionRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderOutbox" ADD CONSTRAINT "ReminderOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
