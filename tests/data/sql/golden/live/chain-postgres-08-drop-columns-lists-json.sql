-- CreateEnum
CREATE TYPE "Status" AS ENUM ('DRAFT', 'LIVE');

-- DropIndex
DROP INDEX "post_author_published";

-- AlterTable
ALTER TABLE "Post" DROP COLUMN "body",
DROP COLUMN "published",
ADD COLUMN     "keywords" TEXT[],
ADD COLUMN     "status" "Status" NOT NULL DEFAULT 'DRAFT';

-- AlterTable
ALTER TABLE "User" DROP COLUMN "bio",
ADD COLUMN     "roles" "Role"[] DEFAULT ARRAY['USER']::"Role"[],
ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "post_author_published" ON "Post"("authorId");
