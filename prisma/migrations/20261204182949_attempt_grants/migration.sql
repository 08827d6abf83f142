-- CreateTable
CREATE TABLE "AttemptGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleMajor" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "forAttempt" INTEGER NOT NULL,
    "grantedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AttemptGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AttemptGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AttemptGrant_userId_moduleSlug_moduleMajor_idx" ON "AttemptGrant"("userId", "moduleSlug", "moduleMajor");

-- CreateIndex
CREATE UNIQUE INDEX "AttemptGrant_userId_moduleSlug_moduleMajor_itemId_forAttempt_key" ON "AttemptGrant"("userId", "moduleSlug", "moduleMajor", "itemId", "forAttempt");
