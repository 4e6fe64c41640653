INSERT INTO "User" ("id", "email", "name", "age", "bio", "legacy", "score", "handle", "role") VALUES
    (1, 'ada@example.com', 'Ada', 36, '12', NULL, 5, 'ada', 'ADMIN'),
    (2, 'grace@example.com', 'Grace', NULL, NULL, NULL, NULL, NULL, 'USER'),
    (3, 'linus@example.com', NULL, 54, '7', NULL, 3, 'torvalds', 'USER');
INSERT INTO "Post" ("id", "title", "authorId") VALUES (1, 'Hello', 1), (2, 'Again', 1);
INSERT INTO "Note" ("code", "body") VALUES ('a', 'first');
