-- 0020_contact_figures: the team's setting for flagging a case with no contact for too long (three weeks unless a team
-- manager sets otherwise), and the day of each case's latest attended contact, kept on the case so that every list
-- and caseload counts the days since without reading the contacts (decision 0039); an index for the flagged cases.
-- Nothing to fill in: the contacts arrive with 0017 in the same release, so no contact is older than this script.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE teams ADD "NoContactFlagDays" integer NOT NULL DEFAULT 21;
ALTER TABLE teams ALTER COLUMN "NoContactFlagDays" DROP DEFAULT;
ALTER TABLE cases ADD "LastContactOn" date;

CREATE INDEX "IX_cases_TeamId_Status_LastContactOn" ON cases ("TeamId", "Status", "LastContactOn", "AllocatedAtUtc", "CaseManagerUserId");
