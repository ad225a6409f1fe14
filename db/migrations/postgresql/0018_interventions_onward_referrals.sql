-- 0018_interventions_onward_referrals: interventions offered and delivered, from a list of kinds each team keeps
-- (seeded with the standard kinds for the teams there are; a new team gets them when it is created), the goals each
-- answers and the contacts that were its sessions, and onward referrals to other services with their steps
-- (issue 17, points 2 and 5; decision 0037).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE intervention_kinds (
    "Id" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "NameEnglish" character varying(100) NOT NULL,
    "NameWelsh" character varying(100) NOT NULL,
    "SortOrder" integer NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "RetiredAtUtc" timestamp with time zone,
    CONSTRAINT "PK_intervention_kinds" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_intervention_kinds_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE TABLE interventions (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "KindId" uuid NOT NULL,
    "ProviderAgencyId" uuid,
    "ProviderName" character varying(200),
    "PlannedStart" date,
    "PlannedEnd" date,
    "ActualStart" date,
    "ActualEnd" date,
    "Status" character varying(20) NOT NULL,
    "StopReason" character varying(1000),
    "Needs" character varying(2000),
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    "SubmissionKey" uuid,
    CONSTRAINT "PK_interventions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_interventions_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_agencies_ProviderAgencyId" FOREIGN KEY ("ProviderAgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_intervention_kinds_KindId" FOREIGN KEY ("KindId") REFERENCES intervention_kinds ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_interventions_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE TABLE intervention_goals (
    "InterventionId" uuid NOT NULL,
    "GoalId" uuid NOT NULL,
    CONSTRAINT "PK_intervention_goals" PRIMARY KEY ("InterventionId", "GoalId"),
    CONSTRAINT "FK_intervention_goals_goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES goals ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_intervention_goals_interventions_InterventionId" FOREIGN KEY ("InterventionId") REFERENCES interventions ("Id") ON DELETE CASCADE
);

CREATE TABLE intervention_sessions (
    "InterventionId" uuid NOT NULL,
    "ContactId" uuid NOT NULL,
    CONSTRAINT "PK_intervention_sessions" PRIMARY KEY ("InterventionId", "ContactId"),
    CONSTRAINT "FK_intervention_sessions_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES contacts ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_intervention_sessions_interventions_InterventionId" FOREIGN KEY ("InterventionId") REFERENCES interventions ("Id") ON DELETE CASCADE
);

CREATE TABLE onward_referrals (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "Service" character varying(30) NOT NULL,
    "ServiceName" character varying(200),
    "ReferredOn" date NOT NULL,
    "Reason" character varying(1000),
    "Accepted" boolean,
    "DecidedOn" date,
    "DeclineReason" character varying(1000),
    "FirstAppointmentOn" date,
    "ClosedOn" date,
    "CloseReason" character varying(1000),
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    "SubmissionKey" uuid,
    CONSTRAINT "PK_onward_referrals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_onward_referrals_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_onward_referrals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_onward_referrals_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_onward_referrals_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_intervention_goals_GoalId" ON intervention_goals ("GoalId");

CREATE INDEX "IX_intervention_kinds_TeamId_SortOrder" ON intervention_kinds ("TeamId", "SortOrder");

CREATE INDEX "IX_intervention_sessions_ContactId" ON intervention_sessions ("ContactId");

CREATE INDEX "IX_interventions_CaseId_CreatedAtUtc" ON interventions ("CaseId", "CreatedAtUtc");

CREATE UNIQUE INDEX "IX_interventions_CaseId_SubmissionKey" ON interventions ("CaseId", "SubmissionKey");

CREATE INDEX "IX_interventions_ChildId" ON interventions ("ChildId");

CREATE INDEX "IX_interventions_CreatedByUserId" ON interventions ("CreatedByUserId");

CREATE INDEX "IX_interventions_KindId" ON interventions ("KindId");

CREATE INDEX "IX_interventions_ProviderAgencyId" ON interventions ("ProviderAgencyId");

CREATE INDEX "IX_interventions_TeamId_Status" ON interventions ("TeamId", "Status");

CREATE INDEX "IX_onward_referrals_CaseId_ReferredOn" ON onward_referrals ("CaseId", "ReferredOn");

CREATE UNIQUE INDEX "IX_onward_referrals_CaseId_SubmissionKey" ON onward_referrals ("CaseId", "SubmissionKey");

CREATE INDEX "IX_onward_referrals_ChildId" ON onward_referrals ("ChildId");

CREATE INDEX "IX_onward_referrals_CreatedByUserId" ON onward_referrals ("CreatedByUserId");

CREATE INDEX "IX_onward_referrals_TeamId_ClosedOn_FirstAppointmentOn" ON onward_referrals ("TeamId", "ClosedOn", "FirstAppointmentOn");

-- The standard kinds for every existing team.
INSERT INTO intervention_kinds ("Id", "TeamId", "NameEnglish", "NameWelsh", "SortOrder", "CreatedAtUtc", "RetiredAtUtc")
SELECT gen_random_uuid(), t."Id", s.en, s.cy, s.n, now(), NULL
FROM teams t CROSS JOIN (VALUES
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
    (11, 'Exploitation', 'Camfanteisio')) AS s(n, en, cy);
