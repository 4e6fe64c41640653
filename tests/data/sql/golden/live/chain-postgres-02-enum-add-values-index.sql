-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'EDITOR';
ALTER TYPE "Role" ADD VALUE 'GUEST';

-- CreateIndex
CREATE INDEX "Post_authorId_published_idx" ON "Post"("authorId", "published" DESC);

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");
