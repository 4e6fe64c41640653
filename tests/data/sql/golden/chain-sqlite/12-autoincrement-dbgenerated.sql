-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT,
    "views" INTEGER NOT NULL DEFAULT 0,
    "rating" REAL NOT NULL DEFAULT 0,
    "authorId" TEXT NOT NULL,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("authorId", "id", "rating", "title", "views") SELECT "authorId", "id", coalesce("rating", 0) AS "rating", "title", "views" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "post_author_published" ON "Post"("authorId");
CREATE UNIQUE INDEX "Post_authorId_title_key" ON "Post"("authorId", "title");
CREATE TABLE "new_Tag" (
    "label" TEXT NOT NULL PRIMARY KEY,
    "color" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_Tag" ("color", "label") SELECT coalesce("color", 1) AS "color", "label" FROM "Tag";
DROP TABLE "Tag";
ALTER TABLE "new_Tag" RENAME TO "Tag";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
