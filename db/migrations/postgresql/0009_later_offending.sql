-- 0009_later_offending: what the team learned of offending after a case closed, for the outcome figures; an index for
-- the closures of a period.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE cases ADD "LaterOffending" character varying(30);
ALTER TABLE cases ADD "LaterOffendingRecordedOn" date;
CREATE INDEX "IX_cases_TeamId_ClosedAtUtc" ON cases ("TeamId", "ClosedAtUtc");
