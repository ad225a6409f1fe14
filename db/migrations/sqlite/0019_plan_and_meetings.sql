-- 0019_plan_and_meetings: the case's three-part plan (the child's own plan, the professionals' actions, the exit
-- plan) with its published versions; multi-agency meetings with attendees and decisions; the assessed needs a goal answers.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "goals" ADD "Needs" TEXT NULL;

CREATE TABLE "case_plans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_plans" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "UpdatedByUserId" TEXT NULL,
    "PublishedVersion" INTEGER NOT NULL,
    CONSTRAINT "FK_case_plans_AspNetUsers_UpdatedByUserId" FOREIGN KEY ("UpdatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_plans_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_plans_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_meetings" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ChildView" TEXT NULL,
    "FamilyView" TEXT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    CONSTRAINT "FK_meetings_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_meetings_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_meetings_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "plan_exit_supports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plan_exit_supports" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Service" TEXT NULL,
    "Name" TEXT NULL,
    "WhatTheyDo" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_plan_exit_supports_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "case_plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_my_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plan_my_items" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Section" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_plan_my_items_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "case_plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plan_versions" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "PublishedAtUtc" TEXT NOT NULL,
    "PublishedByUserId" TEXT NULL,
    CONSTRAINT "FK_plan_versions_AspNetUsers_PublishedByUserId" FOREIGN KEY ("PublishedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_versions_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "case_plans" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_versions_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "meeting_attendees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_meeting_attendees" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Agency" TEXT NOT NULL,
    "Role" TEXT NULL,
    "SentApologies" INTEGER NOT NULL,
    CONSTRAINT "FK_meeting_attendees_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "meeting_decisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_meeting_decisions" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "OwnerAgency" TEXT NOT NULL,
    "OwnerPerson" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "ActionId" TEXT NULL,
    CONSTRAINT "FK_meeting_decisions_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_actions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plan_actions" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "What" TEXT NOT NULL,
    "OwnerAgency" TEXT NOT NULL,
    "OwnerPerson" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "StateChangedAtUtc" TEXT NOT NULL,
    "DroppedReason" TEXT NULL,
    "Needs" TEXT NULL,
    "MeetingId" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedByUserId" TEXT NULL,
    CONSTRAINT "FK_plan_actions_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_actions_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "case_plans" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_actions_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "meetings" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_case_plans_CaseId" ON "case_plans" ("CaseId");
CREATE INDEX "IX_case_plans_ChildId" ON "case_plans" ("ChildId");
CREATE INDEX "IX_case_plans_UpdatedByUserId" ON "case_plans" ("UpdatedByUserId");
CREATE INDEX "IX_meeting_attendees_MeetingId" ON "meeting_attendees" ("MeetingId");
CREATE INDEX "IX_meeting_decisions_MeetingId" ON "meeting_decisions" ("MeetingId");
CREATE INDEX "IX_meetings_CaseId_HeldOn" ON "meetings" ("CaseId", "HeldOn");
CREATE INDEX "IX_meetings_ChildId" ON "meetings" ("ChildId");
CREATE INDEX "IX_meetings_RecordedByUserId" ON "meetings" ("RecordedByUserId");
CREATE INDEX "IX_plan_actions_CreatedByUserId" ON "plan_actions" ("CreatedByUserId");
CREATE INDEX "IX_plan_actions_MeetingId" ON "plan_actions" ("MeetingId");
CREATE INDEX "IX_plan_actions_PlanId" ON "plan_actions" ("PlanId");
CREATE INDEX "IX_plan_exit_supports_PlanId" ON "plan_exit_supports" ("PlanId");
CREATE INDEX "IX_plan_my_items_PlanId" ON "plan_my_items" ("PlanId");
CREATE INDEX "IX_plan_versions_CaseId" ON "plan_versions" ("CaseId");
CREATE UNIQUE INDEX "IX_plan_versions_PlanId_Number" ON "plan_versions" ("PlanId", "Number");
CREATE INDEX "IX_plan_versions_PublishedByUserId" ON "plan_versions" ("PublishedByUserId");
