-- 0011_open_cases_by_review: the team's open cases (and those with reviews due or overdue) in the order of their next
-- review, read from an index instead of sorting every open case for a page of 25 (docs/performance.md).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE INDEX "IX_cases_TeamId_Status_NextReviewDue" ON "cases" ("TeamId", "Status", "NextReviewDue");
