-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "moduleSlug" TEXT NOT NULL,
    "roles" TEXT NOT NULL DEFAULT '[]',
    "teamIds" TEXT NOT NULL DEFAULT '[]',
    "dueRule" TEXT NOT NULL DEFAULT 'after_assignment',
    "dueDays" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT
);

-- CreateTable
CREATE TABLE "SectionRead" (
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "moduleSlug", "moduleVersion", "sectionId"),
    CONSTRAINT "SectionRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "error" TEXT,
    CONSTRAINT "ReminderOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ModuleCompletion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "certificateCode" TEXT NOT NULL,
    CONSTRAINT "ModuleCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Completions recorded before certificates existed get a random code of their own.
INSERT INTO "new_ModuleCompletion" ("completedAt", "contentHash", "id", "moduleSlug", "moduleVersion", "userId", "certificateCode") SELECT "completedAt", "contentHash", "id", "moduleSlug", "moduleVersion", "userId", lower(hex(randomblob(8))) FROM "ModuleCompletion";
DROP TABLE "ModuleCompletion";
ALTER TABLE "new_ModuleCompletion" RENAME TO "ModuleCompletion";
CREATE UNIQUE INDEX "ModuleCompletion_certificateCode_key" ON "ModuleCompletion"("certificateCode");
CREATE INDEX "ModuleCompletion_userId_idx" ON "ModuleCompletion"("userId");
CREATE UNIQUE INDEX "ModuleCompletion_userId_moduleSlug_moduleVersion_key" ON "ModuleCompletion"("userId", "moduleSlug", "moduleVersion");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'employee',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Ljubljana',
    "hiredAt" DATETIME,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "teamId" TEXT,
    CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("active", "createdAt", "email", "hiredAt", "id", "locale", "name", "role", "teamId", "updatedAt") SELECT "active", "createdAt", "email", "hiredAt", "id", "locale", "name", "role", "teamId", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_teamId_idx" ON "User"("teamId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Assignment_moduleSlug_idx" ON "Assignment"("moduleSlug");

-- CreateIndex
CREATE INDEX "ReminderOutbox_sentAt_idx" ON "ReminderOutbox"("sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderOutbox_userId_moduleSlug_kind_slot_key" ON "ReminderOutbox"("userId", "moduleSlug", "kind", "slot");
