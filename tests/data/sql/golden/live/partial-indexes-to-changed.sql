-- DropIndex
DROP INDEX "session_support_idx";

-- DropIndex
DROP INDEX "sessions_revoked_at_idx";

-- CreateIndex
CREATE INDEX "session_support_idx" ON "sessions"("user_id", "kind") WHERE ("kind" = 'O''Brien "support"' AND "attempts" != 1);

-- CreateIndex
CREATE INDEX "sessions_revoked_at_idx" ON "sessions"("revoked_at");
