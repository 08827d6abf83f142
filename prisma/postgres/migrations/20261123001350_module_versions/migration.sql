-- CreateTable
CREATE TABLE "ModuleVersion" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModuleVersion_slug_publishedAt_idx" ON "ModuleVersion"("slug", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleVersion_slug_version_contentHash_key" ON "ModuleVersion"("slug", "version", "contentHash");
