-- CreateTable
CREATE TABLE "WriteCount" (
    "key" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WriteCount_pkey" PRIMARY KEY ("key","bucket")
);

-- CreateIndex
CREATE INDEX "WriteCount_bucket_idx" ON "WriteCount"("bucket");
