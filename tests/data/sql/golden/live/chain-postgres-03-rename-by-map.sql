-- DropIndex
DROP INDEX "User_name_idx";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "createdAt",
DROP COLUMN "name",
ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "display_name" TEXT;

-- CreateIndex
CREATE INDEX "User_display_name_idx" ON "User"("display_name");

-- RenameIndex
ALTER INDEX "Post_authorId_published_idx" RENAME TO "post_author_published";
