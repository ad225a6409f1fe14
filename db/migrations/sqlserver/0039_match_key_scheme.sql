-- 0039_match_key_scheme: each matching key records the version of the key scheme that wrote it (issue 18, session 8,
-- decision 0078), so a change of blocking keys re-keys the register in a background job, child by child, each
-- child keeping its old keys until its new ones replace them, instead of emptying the table (as 0036 did) and
-- re-keying everyone before the app serves. Every key stored now was written by the scheme of decision 0073,
-- version 1 (MatchBlocking.KeySchemeVersion), by the start-up indexing that followed 0036.
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE [child_match_keys] ADD [Scheme] int NOT NULL CONSTRAINT [DF_child_match_keys_Scheme] DEFAULT 1;
