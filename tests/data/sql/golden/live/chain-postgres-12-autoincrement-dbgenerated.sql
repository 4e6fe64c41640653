-- DropForeignKey
ALTER TABLE "Post" DROP CONSTRAINT "post_author_fk";

-- AlterTable
CREATE SEQUENCE post_views_seq;
ALTER TABLE "Post" ALTER COLUMN "id" DROP DEFAULT,
DROP COLUMN "authorId",
ADD COLUMN     "authorId" UUID NOT NULL,
ALTER COLUMN "views" SET DEFAULT nextval('post_views_seq');
DROP SEQUENCE "Post_id_seq";
ALTER SEQUENCE post_views_seq OWNED BY "Post"."views";

-- AlterTable
ALTER TABLE "User" DROP CONSTRAINT "User_pkey",
DROP COLUMN "id",
ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD CONSTRAINT "User_pkey" PRIMARY KEY ("id");

-- CreateIndex
CREATE INDEX "post_author_published" ON "Post"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "Post_authorId_title_key" ON "Post"("authorId", "title");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "post_author_fk" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
