-- AlterTable
ALTER TABLE "User" ADD COLUMN "nickname" TEXT;

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
