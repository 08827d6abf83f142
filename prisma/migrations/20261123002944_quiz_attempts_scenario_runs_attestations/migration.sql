-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,
    "correctCount" INTEGER NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "path" TEXT NOT NULL DEFAULT '[]',
    "currentNodeId" TEXT,
    "steps" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER NOT NULL DEFAULT 0,
    "maxScore" INTEGER NOT NULL,
    "endingId" TEXT,
    "passed" BOOLEAN,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "ScenarioRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "typedName" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attestation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModuleCompletion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModuleCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_moduleSlug_idx" ON "QuizAttempt"("userId", "moduleSlug");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_userId_moduleSlug_moduleVersion_quizId_number_key" ON "QuizAttempt"("userId", "moduleSlug", "moduleVersion", "quizId", "number");

-- CreateIndex
CREATE INDEX "ScenarioRun_userId_moduleSlug_status_idx" ON "ScenarioRun"("userId", "moduleSlug", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRun_userId_moduleSlug_moduleVersion_scenarioId_number_key" ON "ScenarioRun"("userId", "moduleSlug", "moduleVersion", "scenarioId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Attestation_userId_moduleSlug_moduleVersion_key" ON "Attestation"("userId", "moduleSlug", "moduleVersion");

-- CreateIndex
CREATE INDEX "ModuleCompletion_userId_idx" ON "ModuleCompletion"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleCompletion_userId_moduleSlug_moduleVersion_key" ON "ModuleCompletion"("userId", "moduleSlug", "moduleVersion");

-- Attestations are a signed record: refuse any change or removal.
CREATE TRIGGER "Attestation_no_update" BEFORE UPDATE ON "Attestation"
BEGIN SELECT RAISE(ABORT, 'attestations are immutable'); END;
CREATE TRIGGER "Attestation_no_delete" BEFORE DELETE ON "Attestation"
BEGIN SELECT RAISE(ABORT, 'attestations are immutable'); END;
