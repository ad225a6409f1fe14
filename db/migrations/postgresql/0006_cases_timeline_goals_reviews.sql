-- 0006_cases_timeline_goals_reviews: allocation (with its history) and seconded practitioners on a case, the case's
-- intervention, engagement, review date, closure and exit plan; each team's review interval; goals, reviews with their
-- goal scores, and the child's timeline (the system's events and practitioners' entries).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE teams ADD "ReviewIntervalDays" integer NOT NULL DEFAULT 42;
ALTER TABLE teams ALTER COLUMN "ReviewIntervalDays" DROP DEFAULT;

ALTER TABLE cases ADD "CaseManagerUserId" uuid;
ALTER TABLE cases ADD "AllocatedAtUtc" timestamp with time zone;
ALTER TABLE cases ADD "InterventionType" character varying(40) NOT NULL DEFAULT 'VoluntaryPrevention';
ALTER TABLE cases ALTER COLUMN "InterventionType" DROP DEFAULT;
ALTER TABLE cases ADD "EnhancedCaseManagement" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE cases ALTER COLUMN "EnhancedCaseManagement" DROP DEFAULT;
ALTER TABLE cases ADD "Engagement" character varying(20);
ALTER TABLE cases ADD "EngagementRecordedOn" date;
ALTER TABLE cases ADD "NextReviewDue" date;
ALTER TABLE cases ADD "ClosedOn" date;
ALTER TABLE cases ADD "ClosureReason" character varying(40);
ALTER TABLE cases ADD "ExitServices" character varying(400);
ALTER TABLE cases ADD "ExitPlan" character varying(4000);
ALTER TABLE cases ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE cases ALTER COLUMN "Version" DROP DEFAULT;
ALTER TABLE cases ADD CONSTRAINT "FK_cases_AspNetUsers_CaseManagerUserId" FOREIGN KEY ("CaseManagerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT;

CREATE TABLE case_allocations (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "CaseManagerUserId" uuid NOT NULL,
    "AllocatedAtUtc" timestamp with time zone NOT NULL,
    "AllocatedByUserId" uuid,
    "EndedAtUtc" timestamp with time zone,
    CONSTRAINT "PK_case_allocations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_allocations_AspNetUsers_AllocatedByUserId" FOREIGN KEY ("AllocatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_allocations_AspNetUsers_CaseManagerUserId" FOREIGN KEY ("CaseManagerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_allocations_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);

CREATE TABLE case_members (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Contribution" character varying(200) NOT NULL,
    "AddedAtUtc" timestamp with time zone NOT NULL,
    "AddedByUserId" uuid,
    "RemovedAtUtc" timestamp with time zone,
    CONSTRAINT "PK_case_members" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_members_AspNetUsers_AddedByUserId" FOREIGN KEY ("AddedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_members_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_members_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);

CREATE TABLE goals (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "Description" character varying(1000) NOT NULL,
    "Owner" character varying(20) NOT NULL,
    "OwnerAgency" character varying(200),
    "TargetDate" date,
    "Progress" integer NOT NULL,
    "Status" character varying(20) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_goals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_goals_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_goals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_goals_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE reviews (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "HeldOn" date NOT NULL,
    "WhatIsWorking" character varying(4000),
    "ChildView" character varying(4000),
    "FamilyView" character varying(4000),
    "Recommendations" character varying(4000),
    "Decision" character varying(20) NOT NULL,
    "NextReviewDue" date NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    CONSTRAINT "PK_reviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_reviews_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_reviews_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_reviews_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE review_goal_scores (
    "Id" uuid NOT NULL,
    "ReviewId" uuid NOT NULL,
    "GoalId" uuid NOT NULL,
    "Progress" integer NOT NULL,
    "Status" character varying(20) NOT NULL,
    CONSTRAINT "PK_review_goal_scores" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_review_goal_scores_goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES goals ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_review_goal_scores_reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES reviews ("Id") ON DELETE RESTRICT
);

CREATE TABLE timeline_entries (
    "Id" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "CaseId" uuid,
    "OccurredOn" date NOT NULL,
    "DateIsApproximate" boolean NOT NULL,
    "Category" character varying(30) NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "Title" character varying(200),
    "Notes" character varying(4000),
    "Detail" character varying(100),
    "Visibility" character varying(30) NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    "WithdrawnAtUtc" timestamp with time zone,
    "WithdrawnReason" character varying(1000),
    CONSTRAINT "PK_timeline_entries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_timeline_entries_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_timeline_entries_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_timeline_entries_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_case_allocations_AllocatedByUserId" ON case_allocations ("AllocatedByUserId");
CREATE INDEX "IX_case_allocations_CaseId_AllocatedAtUtc" ON case_allocations ("CaseId", "AllocatedAtUtc");
CREATE INDEX "IX_case_allocations_CaseManagerUserId" ON case_allocations ("CaseManagerUserId");
CREATE INDEX "IX_case_members_AddedByUserId" ON case_members ("AddedByUserId");
CREATE INDEX "IX_case_members_CaseId_RemovedAtUtc" ON case_members ("CaseId", "RemovedAtUtc");
CREATE INDEX "IX_case_members_UserId_RemovedAtUtc" ON case_members ("UserId", "RemovedAtUtc");
CREATE INDEX "IX_cases_CaseManagerUserId_Status" ON cases ("CaseManagerUserId", "Status");
CREATE INDEX "IX_cases_Status_NextReviewDue" ON cases ("Status", "NextReviewDue");
CREATE INDEX "IX_goals_CaseId_CreatedAtUtc" ON goals ("CaseId", "CreatedAtUtc");
CREATE INDEX "IX_goals_ChildId" ON goals ("ChildId");
CREATE INDEX "IX_goals_CreatedByUserId" ON goals ("CreatedByUserId");
CREATE INDEX "IX_review_goal_scores_GoalId" ON review_goal_scores ("GoalId");
CREATE UNIQUE INDEX "IX_review_goal_scores_ReviewId_GoalId" ON review_goal_scores ("ReviewId", "GoalId");
CREATE INDEX "IX_reviews_CaseId_HeldOn" ON reviews ("CaseId", "HeldOn");
CREATE INDEX "IX_reviews_ChildId" ON reviews ("ChildId");
CREATE INDEX "IX_reviews_RecordedByUserId" ON reviews ("RecordedByUserId");
CREATE INDEX "IX_timeline_entries_CaseId" ON timeline_entries ("CaseId");
CREATE INDEX "IX_timeline_entries_ChildId_OccurredOn" ON timeline_entries ("ChildId", "OccurredOn");
CREATE INDEX "IX_timeline_entries_RecordedByUserId" ON timeline_entries ("RecordedByUserId");
