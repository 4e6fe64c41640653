-- AlterTable
ALTER TABLE "User" ADD COLUMN "avatar" BLOB;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "comments";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT,
    "views" INTEGER NOT NULL DEFAULT 10,
    "rating" REAL,
    "authorId" TEXT NOT NULL,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("authorId", "id", "rating", "title", "views") SELECT "authorId", "id", "rating", "title", "views" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "post_author_published" ON "Post"("authorId");
CREATE UNIQUE INDEX "Post_authorId_title_key" ON "Post"("authorId", "title");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
