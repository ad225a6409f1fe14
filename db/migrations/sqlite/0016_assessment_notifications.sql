-- 0016_assessment_notifications: a notification can be about a step of an assessment (submitted, returned,
-- countersigned); it names the assessment, to link to it. Review reminders leave it empty.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "notifications" ADD "AssessmentId" TEXT NULL;
