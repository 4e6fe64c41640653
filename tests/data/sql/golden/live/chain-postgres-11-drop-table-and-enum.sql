-- DropForeignKey
ALTER TABLE "comments" DROP CONSTRAINT "comments_postId_fkey";

-- DropForeignKey
ALTER TABLE "comments" DROP CONSTRAINT "comments_userId_fkey";

-- AlterTable
ALTER TABLE "Post" DROP COLUMN "status",
ALTER COLUMN "keywords" SET DEFAULT ARRAY['news']::TEXT[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "avatar" BYTEA;

-- DropTable
DROP TABLE "comments";

-- DropEnum
DROP TYPE "Status";
