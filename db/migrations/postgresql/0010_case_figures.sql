-- 0010_case_figures: what the waiting list and caseloads read, kept on the case (decision 0022): the team's priority
-- for allocation, whether a referral was urgent, when and from whom the first referral came, the latest assessment's
-- three judgements and the case's weight; filled in here from the rows they summarise. Indexes for the waiting list
-- (in priority, then longest-wait order) and for the caseloads (read from the index alone).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE cases ADD "Priority" integer NOT NULL DEFAULT 1;
ALTER TABLE cases ALTER COLUMN "Priority" DROP DEFAULT;
ALTER TABLE cases ADD "Urgent" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE cases ALTER COLUMN "Urgent" DROP DEFAULT;
ALTER TABLE cases ADD "FirstReferredAtUtc" timestamp with time zone;
ALTER TABLE cases ADD "FirstReferralSource" character varying(40);
ALTER TABLE cases ADD "Reoffending" character varying(20);
ALTER TABLE cases ADD "SeriousHarm" character varying(20);
ALTER TABLE cases ADD "Wellbeing" character varying(20);
ALTER TABLE cases ADD "Weight" integer NOT NULL DEFAULT 1;
ALTER TABLE cases ALTER COLUMN "Weight" DROP DEFAULT;

UPDATE cases c SET
    "FirstReferredAtUtc" = COALESCE(f."ReceivedAtUtc", c."OpenedAtUtc"),
    "FirstReferralSource" = f."Source"
FROM cases c2
LEFT JOIN LATERAL (
    SELECT r."ReceivedAtUtc", r."Source" FROM referrals r WHERE r."CaseId" = c2."Id" ORDER BY r."ReceivedAtUtc", r."Id" LIMIT 1
) f ON TRUE
WHERE c2."Id" = c."Id";

UPDATE cases c SET "Urgent" = TRUE
WHERE EXISTS (SELECT 1 FROM referrals r WHERE r."CaseId" = c."Id" AND r."Urgency" = 'Urgent');

UPDATE cases SET "Priority" = 0 WHERE "Urgent";

UPDATE cases c SET "Reoffending" = a."Reoffending", "SeriousHarm" = a."SeriousHarm", "Wellbeing" = a."Wellbeing"
FROM assessments a
WHERE a."CaseId" = c."Id" AND a."Number" = (SELECT MAX(l."Number") FROM assessments l WHERE l."CaseId" = c."Id");

UPDATE cases SET "Weight" = 1
    + CASE WHEN "EnhancedCaseManagement" THEN 1 ELSE 0 END
    + CASE WHEN "Reoffending" = 'High' THEN 1 ELSE 0 END
    + CASE WHEN "SeriousHarm" IN ('High', 'VeryHigh') THEN 1 ELSE 0 END + CASE WHEN "SeriousHarm" = 'VeryHigh' THEN 1 ELSE 0 END
    + CASE WHEN "Wellbeing" IN ('High', 'VeryHigh') THEN 1 ELSE 0 END + CASE WHEN "Wellbeing" = 'VeryHigh' THEN 1 ELSE 0 END;

ALTER TABLE cases ALTER COLUMN "FirstReferredAtUtc" SET NOT NULL;

DROP INDEX "IX_cases_TeamId_Status_OpenedAtUtc";
CREATE INDEX "IX_cases_TeamId_Status_Priority_FirstReferredAtUtc" ON cases ("TeamId", "Status", "Priority", "FirstReferredAtUtc");
CREATE INDEX "IX_cases_TeamId_Status_CaseManagerUserId_NextReviewDue_Weight" ON cases ("TeamId", "Status", "CaseManagerUserId", "NextReviewDue", "Weight");
