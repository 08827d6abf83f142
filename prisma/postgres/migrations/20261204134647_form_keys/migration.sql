-- CreateTable
CREATE TABLE "FormKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recordId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormKey_pkey" PRIMARY KEY ("userId","kind","key")
);

-- CreateIndex
CREATE INDEX "FormKey_createdAt_idx" ON "FormKey"("createdAt");
