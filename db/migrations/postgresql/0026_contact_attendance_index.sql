-- 0026_contact_attendance_index: the team's did-not-attend figures (/team/work, issue 17) count a year of the team's
-- contacts attended or missed, by the case manager of each contact's case. The index of 0017 on (TeamId, Outcome,
-- StartsAtUtc) found those rows but not their case, so PostgreSQL read every contact row (summaries and all) instead;
-- with the case in the index the count is read from the index alone (decision 0055). The new index serves every
-- query the old one did (same leading columns), so the old one goes.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

DROP INDEX "IX_contacts_TeamId_Outcome_StartsAtUtc";

CREATE INDEX "IX_contacts_TeamId_Outcome_StartsAtUtc_CaseId" ON contacts ("TeamId", "Outcome", "StartsAtUtc", "CaseId");
