-- DropIndex
DROP INDEX "Attempt_learnerId_exerciseId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Attempt_learnerId_exerciseId_createdAt_score_credited_idx" ON "Attempt"("learnerId", "exerciseId", "createdAt", "score", "credited");

