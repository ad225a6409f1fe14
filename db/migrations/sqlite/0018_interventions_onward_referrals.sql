-- 0018_interventions_onward_referrals: interventions offered and delivered, from a list of kinds each team keeps
-- (seeded with the standard kinds for the teams there are; a new team gets them when it is created), the goals each
-- answers and the contacts that were its sessions, and onward referrals to other services with their steps
-- (issue 17, points 2 and 5; decision 0037).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "intervention_kinds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_intervention_kinds" PRIMARY KEY,
    "TeamId" TEXT NOT NULL,
    "NameEnglish" TEXT NOT NULL,
    "NameWelsh" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "RetiredAtUtc" TEXT NULL,
    CONSTRAINT "FK_intervention_kinds_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "interventions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_interventions" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "KindId" TEXT NOT NULL,
    "ProviderAgencyId" TEXT NULL,
    "ProviderName" TEXT NULL,
    "PlannedStart" TEXT NULL,
    "PlannedEnd" TEXT NULL,
    "ActualStart" TEXT NULL,
    "ActualEnd" TEXT NULL,
    "Status" TEXT NOT NULL,
    "StopReason" TEXT NULL,
    "Needs" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedByUserId" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "SubmissionKey" TEXT NULL,
    CONSTRAINT "FK_interventions_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_agencies_ProviderAgencyId" FOREIGN KEY ("ProviderAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_intervention_kinds_KindId" FOREIGN KEY ("KindId") REFERENCES "intervention_kinds" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "intervention_goals" (
    "InterventionId" TEXT NOT NULL,
    "GoalId" TEXT NOT NULL,
    CONSTRAINT "PK_intervention_goals" PRIMARY KEY ("InterventionId", "GoalId"),
    CONSTRAINT "FK_intervention_goals_goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "goals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_intervention_goals_interventions_InterventionId" FOREIGN KEY ("InterventionId") REFERENCES "interventions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "intervention_sessions" (
    "InterventionId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    CONSTRAINT "PK_intervention_sessions" PRIMARY KEY ("InterventionId", "ContactId"),
    CONSTRAINT "FK_intervention_sessions_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "contacts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_intervention_sessions_interventions_InterventionId" FOREIGN KEY ("InterventionId") REFERENCES "interventions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "onward_referrals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_onward_referrals" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "Service" TEXT NOT NULL,
    "ServiceName" TEXT NULL,
    "ReferredOn" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "Accepted" INTEGER NULL,
    "DecidedOn" TEXT NULL,
    "DeclineReason" TEXT NULL,
    "FirstAppointmentOn" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "CloseReason" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedByUserId" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "SubmissionKey" TEXT NULL,
    CONSTRAINT "FK_onward_referrals_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_onward_referrals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_onward_referrals_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_onward_referrals_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_intervention_goals_GoalId" ON "intervention_goals" ("GoalId");

CREATE INDEX "IX_intervention_kinds_TeamId_SortOrder" ON "intervention_kinds" ("TeamId", "SortOrder");

CREATE INDEX "IX_intervention_sessions_ContactId" ON "intervention_sessions" ("ContactId");

CREATE INDEX "IX_interventions_CaseId_CreatedAtUtc" ON "interventions" ("CaseId", "CreatedAtUtc");

CREATE UNIQUE INDEX "IX_interventions_CaseId_SubmissionKey" ON "interventions" ("CaseId", "SubmissionKey");

CREATE INDEX "IX_interventions_ChildId" ON "interventions" ("ChildId");

CREATE INDEX "IX_interventions_CreatedByUserId" ON "interventions" ("CreatedByUserId");

CREATE INDEX "IX_interventions_KindId" ON "interventions" ("KindId");

CREATE INDEX "IX_interventions_ProviderAgencyId" ON "interventions" ("ProviderAgencyId");

CREATE INDEX "IX_interventions_TeamId_Status" ON "interventions" ("TeamId", "Status");

CREATE INDEX "IX_onward_referrals_CaseId_ReferredOn" ON "onward_referrals" ("CaseId", "ReferredOn");

CREATE UNIQUE INDEX "IX_onward_referrals_CaseId_SubmissionKey" ON "onward_referrals" ("CaseId", "SubmissionKey");

CREATE INDEX "IX_onward_referrals_ChildId" ON "onward_referrals" ("ChildId");

CREATE INDEX "IX_onward_referrals_CreatedByUserId" ON "onward_referrals" ("CreatedByUserId");

CREATE INDEX "IX_onward_referrals_TeamId_ClosedOn_FirstAppointmentOn" ON "onward_referrals" ("TeamId", "ClosedOn", "FirstAppointmentOn");

-- The standard kinds for every existing team, ids made as EF Core writes them (upper-case text).
WITH standard(n, en, cy) AS (VALUES
    (1, 'Mentoring', 'Mentora'),
    (2, 'Diversionary and sports activity', 'Gweithgareddau dargyfeiriol a chwaraeon'),
    (3, 'Education and training support', 'Cymorth addysg a hyfforddiant'),
    (4, 'Speech and language', 'Lleferydd ac iaith'),
    (5, 'Emotional health', 'Iechyd emosiynol'),
    (6, 'Substance use', 'Defnyddio sylweddau'),
    (7, 'Healthy relationships', 'Perthnasoedd iach'),
    (8, 'Parenting support', 'Cymorth rhianta'),
    (9, 'Restorative and victim awareness', 'Gwaith adferol ac ymwybyddiaeth o ddioddefwyr'),
    (10, 'Knife crime and serious violence', 'Troseddau cyllyll a thrais difrifol'),
    (11, 'Exploitation', 'Camfanteisio')),
made AS MATERIALIZED (SELECT t."Id" AS team, s.n, s.en, s.cy, hex(randomblob(16)) AS h FROM "teams" t CROSS JOIN standard s)
INSERT INTO "intervention_kinds" ("Id", "TeamId", "NameEnglish", "NameWelsh", "SortOrder", "CreatedAtUtc", "RetiredAtUtc")
SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
       team, en, cy, n, strftime('%Y-%m-%d %H:%M:%S', 'now'), NULL
FROM made;
