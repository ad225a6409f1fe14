-- 0021_outcomes: the key performance indicators recorded at the start, reviews and end of the work, the incident and
-- any out-of-court outcome, later offences as dated records, a child's protected characteristics, and the team's
-- follow-up window for later offending (12 months unless the team manager sets otherwise); issue 19, decisions 0048
-- and 0049.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "teams" ADD "OutcomeFollowUpMonths" INTEGER NOT NULL DEFAULT 12;

CREATE TABLE "child_characteristics" (
    "ChildId" TEXT NOT NULL CONSTRAINT "PK_child_characteristics" PRIMARY KEY,
    "Ethnicity" TEXT NOT NULL,
    "Disability" TEXT NOT NULL,
    "GenderSameAsSex" TEXT NOT NULL,
    "CareExperienced" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    CONSTRAINT "FK_child_characteristics_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_child_characteristics_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "disposals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_disposals" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "Incident" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "IncidentOn" TEXT NOT NULL,
    "OutcomeOn" TEXT NULL,
    "GravityScore" INTEGER NOT NULL,
    "Completed" INTEGER NULL,
    "TurnaroundTrigger" TEXT NULL,
    "TurnaroundAge" INTEGER NULL,
    "TurnaroundTriggerOn" TEXT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    CONSTRAINT "FK_disposals_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_disposals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_disposals_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_disposals_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "kpi_records" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_kpi_records" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "RecordedOn" TEXT NOT NULL,
    "AccommodationSuitable" INTEGER NOT NULL,
    "EducationHoursOffered" INTEGER NOT NULL,
    "EducationHoursAttended" INTEGER NOT NULL,
    "LearningNeeds" TEXT NOT NULL,
    "MentalHealth" TEXT NOT NULL,
    "SubstanceUse" TEXT NOT NULL,
    "ChildrensServices" TEXT NOT NULL,
    "SeriousViolence" INTEGER NOT NULL,
    "Victims" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    CONSTRAINT "FK_kpi_records_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_kpi_records_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_kpi_records_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_kpi_records_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "later_offences" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_later_offences" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "OffenceOn" TEXT NOT NULL,
    "OffenceType" TEXT NOT NULL,
    "GravityScore" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "OutcomeOn" TEXT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    CONSTRAINT "FK_later_offences_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_later_offences_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_later_offences_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_later_offences_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_child_characteristics_RecordedByUserId" ON "child_characteristics" ("RecordedByUserId");
CREATE INDEX "IX_disposals_CaseId" ON "disposals" ("CaseId");
CREATE INDEX "IX_disposals_ChildId" ON "disposals" ("ChildId");
CREATE INDEX "IX_disposals_RecordedByUserId" ON "disposals" ("RecordedByUserId");
CREATE INDEX "IX_disposals_TeamId" ON "disposals" ("TeamId");
CREATE INDEX "IX_kpi_records_CaseId_Stage" ON "kpi_records" ("CaseId", "Stage");
CREATE INDEX "IX_kpi_records_ChildId" ON "kpi_records" ("ChildId");
CREATE INDEX "IX_kpi_records_RecordedByUserId" ON "kpi_records" ("RecordedByUserId");
CREATE INDEX "IX_kpi_records_TeamId_Stage_RecordedOn" ON "kpi_records" ("TeamId", "Stage", "RecordedOn");
CREATE INDEX "IX_later_offences_CaseId_OffenceOn" ON "later_offences" ("CaseId", "OffenceOn");
CREATE INDEX "IX_later_offences_ChildId" ON "later_offences" ("ChildId");
CREATE INDEX "IX_later_offences_RecordedByUserId" ON "later_offences" ("RecordedByUserId");
CREATE INDEX "IX_later_offences_TeamId" ON "later_offences" ("TeamId");
