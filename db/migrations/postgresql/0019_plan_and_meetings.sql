-- 0019_plan_and_meetings: the case's three-part plan (the child's own plan, the professionals' actions, the exit
-- plan) with its published versions; multi-agency meetings with attendees and decisions; the assessed needs a goal answers.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE goals ADD "Needs" character varying(2000);

CREATE TABLE case_plans (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    "UpdatedByUserId" uuid,
    "PublishedVersion" integer NOT NULL,
    CONSTRAINT "PK_case_plans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_plans_AspNetUsers_UpdatedByUserId" FOREIGN KEY ("UpdatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_plans_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_plans_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE meetings (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "HeldOn" date NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "ChildView" character varying(4000),
    "FamilyView" character varying(4000),
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    CONSTRAINT "PK_meetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_meetings_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_meetings_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_meetings_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE plan_exit_supports (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Service" character varying(40),
    "Name" character varying(200),
    "WhatTheyDo" character varying(500) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_plan_exit_supports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_plan_exit_supports_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES case_plans ("Id") ON DELETE CASCADE
);

CREATE TABLE plan_my_items (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Section" character varying(20) NOT NULL,
    "Text" character varying(300) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_plan_my_items" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_plan_my_items_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES case_plans ("Id") ON DELETE CASCADE
);

CREATE TABLE plan_versions (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Content" text NOT NULL,
    "PublishedAtUtc" timestamp with time zone NOT NULL,
    "PublishedByUserId" uuid,
    CONSTRAINT "PK_plan_versions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_plan_versions_AspNetUsers_PublishedByUserId" FOREIGN KEY ("PublishedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_versions_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES case_plans ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_versions_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);

CREATE TABLE meeting_attendees (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Agency" character varying(200) NOT NULL,
    "Role" character varying(200),
    "SentApologies" boolean NOT NULL,
    CONSTRAINT "PK_meeting_attendees" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_meeting_attendees_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES meetings ("Id") ON DELETE CASCADE
);

CREATE TABLE meeting_decisions (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Text" character varying(500) NOT NULL,
    "OwnerAgency" character varying(200) NOT NULL,
    "OwnerPerson" character varying(200),
    "DueOn" date NOT NULL,
    "ActionId" uuid,
    CONSTRAINT "PK_meeting_decisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_meeting_decisions_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES meetings ("Id") ON DELETE CASCADE
);

CREATE TABLE plan_actions (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "What" character varying(500) NOT NULL,
    "OwnerAgency" character varying(200) NOT NULL,
    "OwnerPerson" character varying(200),
    "DueOn" date NOT NULL,
    "State" character varying(20) NOT NULL,
    "StateChangedAtUtc" timestamp with time zone NOT NULL,
    "DroppedReason" character varying(500),
    "Needs" character varying(2000),
    "MeetingId" uuid,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid,
    CONSTRAINT "PK_plan_actions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_plan_actions_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_actions_case_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES case_plans ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_plan_actions_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES meetings ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_case_plans_CaseId" ON case_plans ("CaseId");
CREATE INDEX "IX_case_plans_ChildId" ON case_plans ("ChildId");
CREATE INDEX "IX_case_plans_UpdatedByUserId" ON case_plans ("UpdatedByUserId");
CREATE INDEX "IX_meeting_attendees_MeetingId" ON meeting_attendees ("MeetingId");
CREATE INDEX "IX_meeting_decisions_MeetingId" ON meeting_decisions ("MeetingId");
CREATE INDEX "IX_meetings_CaseId_HeldOn" ON meetings ("CaseId", "HeldOn");
CREATE INDEX "IX_meetings_ChildId" ON meetings ("ChildId");
CREATE INDEX "IX_meetings_RecordedByUserId" ON meetings ("RecordedByUserId");
CREATE INDEX "IX_plan_actions_CreatedByUserId" ON plan_actions ("CreatedByUserId");
CREATE INDEX "IX_plan_actions_MeetingId" ON plan_actions ("MeetingId");
CREATE INDEX "IX_plan_actions_PlanId" ON plan_actions ("PlanId");
CREATE INDEX "IX_plan_exit_supports_PlanId" ON plan_exit_supports ("PlanId");
CREATE INDEX "IX_plan_my_items_PlanId" ON plan_my_items ("PlanId");
CREATE INDEX "IX_plan_versions_CaseId" ON plan_versions ("CaseId");
CREATE UNIQUE INDEX "IX_plan_versions_PlanId_Number" ON plan_versions ("PlanId", "Number");
CREATE INDEX "IX_plan_versions_PublishedByUserId" ON plan_versions ("PublishedByUserId");
