-- 0010_case_figures: what the waiting list and caseloads read, kept on the case (decision 0022): the team's priority
-- for allocation, whether a referral was urgent, when and from whom the first referral came, the latest assessment's
-- three judgements and the case's weight; filled in here from the rows they summarise. Indexes for the waiting list
-- (in priority, then longest-wait order) and for the caseloads (read from the index alone).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "cases" ADD COLUMN "Priority" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "cases" ADD COLUMN "Urgent" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "cases" ADD COLUMN "FirstReferredAtUtc" TEXT NOT NULL DEFAULT '';
ALTER TABLE "cases" ADD COLUMN "FirstReferralSource" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "Reoffending" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "SeriousHarm" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "Wellbeing" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "Weight" INTEGER NOT NULL DEFAULT 1;

UPDATE "cases" SET
    "FirstReferredAtUtc" = COALESCE((SELECT r."ReceivedAtUtc" FROM "referrals" r WHERE r."CaseId" = "cases"."Id" ORDER BY r."ReceivedAtUtc", r."Id" LIMIT 1), "OpenedAtUtc"),
    "FirstReferralSource" = (SELECT r."Source" FROM "referrals" r WHERE r."CaseId" = "cases"."Id" ORDER BY r."ReceivedAtUtc", r."Id" LIMIT 1);

UPDATE "cases" SET "Urgent" = 1
WHERE EXISTS (SELECT 1 FROM "referrals" r WHERE r."CaseId" = "cases"."Id" AND r."Urgency" = 'Urgent');

UPDATE "cases" SET "Priority" = 0 WHERE "Urgent" = 1;

UPDATE "cases" SET
    "Reoffending" = (SELECT a."Reoffending" FROM "assessments" a WHERE a."CaseId" = "cases"."Id" ORDER BY a."Number" DESC LIMIT 1),
    "SeriousHarm" = (SELECT a."SeriousHarm" FROM "assessments" a WHERE a."CaseId" = "cases"."Id" ORDER BY a."Number" DESC LIMIT 1),
    "Wellbeing" = (SELECT a."Wellbeing" FROM "assessments" a WHERE a."CaseId" = "cases"."Id" ORDER BY a."Number" DESC LIMIT 1);

UPDATE "cases" SET "Weight" = 1
    + "EnhancedCaseManagement"
    + CASE WHEN "Reoffending" = 'High' THEN 1 ELSE 0 END
    + CASE WHEN "SeriousHarm" IN ('High', 'VeryHigh') THEN 1 ELSE 0 END + CASE WHEN "SeriousHarm" = 'VeryHigh' THEN 1 ELSE 0 END
    + CASE WHEN "Wellbeing" IN ('High', 'VeryHigh') THEN 1 ELSE 0 END + CASE WHEN "Wellbeing" = 'VeryHigh' THEN 1 ELSE 0 END;

DROP INDEX "IX_cases_TeamId_Status_OpenedAtUtc";
CREATE INDEX "IX_cases_TeamId_Status_Priority_FirstReferredAtUtc" ON "cases" ("TeamId", "Status", "Priority", "FirstReferredAtUtc");
CREATE INDEX "IX_cases_TeamId_Status_CaseManagerUserId_NextReviewDue_Weight" ON "cases" ("TeamId", "Status", "CaseManagerUserId", "NextReviewDue", "Weight");
