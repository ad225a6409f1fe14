-- 0006_cases_timeline_goals_reviews: allocation (with its history) and seconded practitioners on a case, the case's
-- intervention, engagement, review date, closure and exit plan; each team's review interval; goals, reviews with their
-- goal scores, and the child's timeline (the system's events and practitioners' entries).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "teams" ADD COLUMN "ReviewIntervalDays" INTEGER NOT NULL DEFAULT 42;

ALTER TABLE "cases" ADD COLUMN "CaseManagerUserId" TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT;
ALTER TABLE "cases" ADD COLUMN "AllocatedAtUtc" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "InterventionType" TEXT NOT NULL DEFAULT 'VoluntaryPrevention';
ALTER TABLE "cases" ADD COLUMN "EnhancedCaseManagement" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "cases" ADD COLUMN "Engagement" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "EngagementRecordedOn" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "NextReviewDue" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "ClosedOn" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "ClosureReason" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "ExitServices" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "ExitPlan" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "case_allocations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_allocations" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "CaseManagerUserId" TEXT NOT NULL,
    "AllocatedAtUtc" TEXT NOT NULL,
    "AllocatedByUserId" TEXT NULL,
    "EndedAtUtc" TEXT NULL,
    CONSTRAINT "FK_case_allocations_AspNetUsers_AllocatedByUserId" FOREIGN KEY ("AllocatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_allocations_AspNetUsers_CaseManagerUserId" FOREIGN KEY ("CaseManagerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_allocations_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "case_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_members" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Contribution" TEXT NOT NULL,
    "AddedAtUtc" TEXT NOT NULL,
    "AddedByUserId" TEXT NULL,
    "RemovedAtUtc" TEXT NULL,
    CONSTRAINT "FK_case_members_AspNetUsers_AddedByUserId" FOREIGN KEY ("AddedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_members_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_members_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "goals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_goals" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Owner" TEXT NOT NULL,
    "OwnerAgency" TEXT NULL,
    "TargetDate" TEXT NULL,
    "Progress" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedByUserId" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_goals_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_goals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_goals_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "reviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_reviews" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "WhatIsWorking" TEXT NULL,
    "ChildView" TEXT NULL,
    "FamilyView" TEXT NULL,
    "Recommendations" TEXT NULL,
    "Decision" TEXT NOT NULL,
    "NextReviewDue" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    CONSTRAINT "FK_reviews_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_reviews_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_reviews_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "review_goal_scores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_review_goal_scores" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "GoalId" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    CONSTRAINT "FK_review_goal_scores_goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "goals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_review_goal_scores_reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "reviews" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "timeline_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_timeline_entries" PRIMARY KEY,
    "ChildId" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "OccurredOn" TEXT NOT NULL,
    "DateIsApproximate" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NULL,
    "Notes" TEXT NULL,
    "Detail" TEXT NULL,
    "Visibility" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    "WithdrawnAtUtc" TEXT NULL,
    "WithdrawnReason" TEXT NULL,
    CONSTRAINT "FK_timeline_entries_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_timeline_entries_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_timeline_entries_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_case_allocations_AllocatedByUserId" ON "case_allocations" ("AllocatedByUserId");
CREATE INDEX "IX_case_allocations_CaseId_AllocatedAtUtc" ON "case_allocations" ("CaseId", "AllocatedAtUtc");
CREATE INDEX "IX_case_allocations_CaseManagerUserId" ON "case_allocations" ("CaseManagerUserId");
CREATE INDEX "IX_case_members_AddedByUserId" ON "case_members" ("AddedByUserId");
CREATE INDEX "IX_case_members_CaseId_RemovedAtUtc" ON "case_members" ("CaseId", "RemovedAtUtc");
CREATE INDEX "IX_case_members_UserId_RemovedAtUtc" ON "case_members" ("UserId", "RemovedAtUtc");
CREATE INDEX "IX_cases_CaseManagerUserId_Status" ON "cases" ("CaseManagerUserId", "Status");
CREATE INDEX "IX_cases_Status_NextReviewDue" ON "cases" ("Status", "NextReviewDue");
CREATE INDEX "IX_goals_CaseId_CreatedAtUtc" ON "goals" ("CaseId", "CreatedAtUtc");
CREATE INDEX "IX_goals_ChildId" ON "goals" ("ChildId");
CREATE INDEX "IX_goals_CreatedByUserId" ON "goals" ("CreatedByUserId");
CREATE INDEX "IX_review_goal_scores_GoalId" ON "review_goal_scores" ("GoalId");
CREATE UNIQUE INDEX "IX_review_goal_scores_ReviewId_GoalId" ON "review_goal_scores" ("ReviewId", "GoalId");
CREATE INDEX "IX_reviews_CaseId_HeldOn" ON "reviews" ("CaseId", "HeldOn");
CREATE INDEX "IX_reviews_ChildId" ON "reviews" ("ChildId");
CREATE INDEX "IX_reviews_RecordedByUserId" ON "reviews" ("RecordedByUserId");
CREATE INDEX "IX_timeline_entries_CaseId" ON "timeline_entries" ("CaseId");
CREATE INDEX "IX_timeline_entries_ChildId_OccurredOn" ON "timeline_entries" ("ChildId", "OccurredOn");
CREATE INDEX "IX_timeline_entries_RecordedByUserId" ON "timeline_entries" ("RecordedByUserId");
