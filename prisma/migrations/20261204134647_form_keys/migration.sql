-- CreateTable
CREATE TABLE "FormKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recordId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "kind", "key")
);

-- CreateIndex
CREATE INDEX "FormKey_createdAt_idx" ON "FormKey"("createdAt");
