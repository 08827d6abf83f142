-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioRun" (
    "id" TEXT NOT NULL,
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
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScenarioRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "typedName" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleCompletion" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModuleCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_moduleSlug_idx" ON "QuizAttempt"("userId", "moduleSlug");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_userId_moduleSlug_moduleVersion_quizId_number_key" ON "QuizAttempt"("userId", "moduleSlug", "moduleVersion", "quizId", "number");

-- CreateIndex
CREATE INDEX "ScenarioRun_userId_moduleSlug_status_idx" ON "ScenarioRun"("userId", "moduleSlug", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRun_userId_moduleSlug_moduleVersion_scenarioId_numb_key" ON "ScenarioRun"("userId", "moduleSlug", "moduleVersion", "scenarioId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Attestation_userId_moduleSlug_moduleVersion_key" ON "Attestation"("userId", "moduleSlug", "moduleVersion");

-- CreateIndex
CREATE INDEX "ModuleCompletion_userId_idx" ON "ModuleCompletion"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleCompletion_userId_moduleSlug_moduleVersion_key" ON "ModuleCompletion"("userId", "moduleSlug", "moduleVersion");

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRun" ADD CONSTRAINT "ScenarioRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleCompletion" ADD CONSTRAINT "ModuleCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Attestations are a signed record: refuse any change or removal.
CREATE FUNCTION "attestation_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'attestations are immutable';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Attestation_immutable" BEFORE UPDATE OR DELETE ON "Attestation"
FOR EACH ROW EXECUTE FUNCTION "attestation_immutable"();
