-- 0012_merges_move_cases: a merge of two records of one child moves the merged record's cases to the survivor with its
-- referrals, and keeps which ones moved so that undoing the merge moves exactly those back. Merges made before this
-- script moved no case: an empty list.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE child_merges ADD "MovedCaseIds" text NOT NULL DEFAULT '';
ALTER TABLE child_merges ALTER COLUMN "MovedCaseIds" DROP DEFAULT;
