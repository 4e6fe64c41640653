-- The rows of adapter-seed-postgres.sql in the snake_case schema (see README.md).
INSERT INTO users (id, name, email, email_verified, image) VALUES ('cmwyskoe90000c67d49hfmwix', 'Oracle User', 'ada@example.com', NULL, NULL);
INSERT INTO users (id, name, email, email_verified, image) VALUES ('cmwyskpzb0000dq7dojsktdro', 'Oracle User', 'Linus@Example.org', NULL, NULL);
INSERT INTO accounts (id, user_id, type, provider, provider_account_id, refresh_token, access_token, expires_at, token_type, scope, id_token, session_state) VALUES ('cmwysk0acct0001000000000', 'cmwyskoe90000c67d49hfmwix', 'oauth', 'github', '537670227c4f', NULL, 'gho_8d5acda1b5dc836692bb', NULL, 'bearer', 'read:user,user:email', NULL, NULL);
INSERT INTO accounts (id, user_id, type, provider, provider_account_id, refresh_token, access_token, expires_at, token_type, scope, id_token, session_state) VALUES ('cmwysk0acct0002000000000', 'cmwyskpzb0000dq7dojsktdro', 'oauth', 'github', '5e50f6979dc7', NULL, 'gho_54a859ea466ac2350177', NULL, 'bearer', 'read:user,user:email', NULL, NULL);
INSERT INTO sessions (id, session_token, user_id, expires) VALUES ('cmwysk0sess0003000000000', 'd3a2b7c4-20b6-445f-89e3-e557db86cdc0', 'cmwyskoe90000c67d49hfmwix', '2026-12-27 09:41:29.088');
INSERT INTO sessions (id, session_token, user_id, expires) VALUES ('cmwysk0sess0004000000000', '57768e62-1416-4f77-92cd-31cb36b5c845', 'cmwyskoe90000c67d49hfmwix', '2026-12-27 09:41:29.119');
INSERT INTO sessions (id, session_token, user_id, expires) VALUES ('cmwysk0sess0005000000000', '5f4cebf4-ef5f-47a1-8166-e1472e9225c9', 'cmwyskoe90000c67d49hfmwix', '2026-11-26 09:41:29.155');
INSERT INTO sessions (id, session_token, user_id, expires) VALUES ('cmwysk0sess0006000000000', '4f2462ac-a0d2-44b0-889c-17199dd00d4e', 'cmwyskpzb0000dq7dojsktdro', '2026-12-27 09:41:31.152');
INSERT INTO verification_tokens (identifier, token, expires) VALUES ('ada@example.com', '10f930a9a15caa064b9786a5e05c1ad200af63770039da8e3be68fc896624ad0', '2026-11-28 09:41:29.167');
INSERT INTO verification_tokens (identifier, token, expires) VALUES ('Linus@Example.org', 'c22e2025fad44ef9b51887aaef12e555a9d92293e74182ec007ad99bb3b2a54c', '2026-11-28 09:41:31.187');
