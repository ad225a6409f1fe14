-- 0036_rebuild_match_keys: the blocking key set changed (issue 18, session 7, decision 0073: the first and last
-- letters of both names, parts of the e-mail address and phone number). Keys are hashes the application computes,
-- so SQL cannot write the new ones; it empties the table, and the first start after this migration indexes every
-- child and its linked referrals again with today's keys before it serves a request (PrepareDatabaseAsync calls
-- ChildMatcher.IndexUnindexedAsync, 500 children at a time).
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

DELETE FROM [child_match_keys];
