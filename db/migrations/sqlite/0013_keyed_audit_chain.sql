-- 0013_keyed_audit_chain: audit entries are sealed with HMAC-SHA-256 under a key kept outside the database; each
-- entry names the key that sealed it. Entries written before this script have no key: their plain SHA-256 chain is
-- verified as before, and the first keyed entry after them (written at the next start) seals them
-- (docs/decisions/0023-keyed-audit-chain.md). The append-only triggers stay as they are.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "audit_entries" ADD COLUMN "KeyId" TEXT NULL;
