-- 0021_outcomes: the key performance indicators recorded at the start, reviews and end of the work, the incident and
-- any out-of-court outcome, later offences as dated records, a child's protected characteristics, and the team's
-- follow-up window for later offending (12 months unless the team manager sets otherwise); issue 19, decisions 0048
-- and 0049.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE teams ADD "OutcomeFollowUpMonths" integer NOT NULL DEFAULT 12;
ALTER TABLE teams ALTER COLUMN "OutcomeFollowUpMonths" DROP DEFAULT;

CREATE TABLE child_characteristics (
    "ChildId" uuid NOT NULL,
    "Ethnicity" character varying(50) NOT NULL,
    "Disability" character varying(20) NOT NULL,
    "GenderSameAsSex" character varying(20) NOT NULL,
    "CareExperienced" character varying(20) NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    CONSTRAINT "PK_child_characteristics" PRIMARY KEY ("ChildId"),
    CONSTRAINT "FK_child_characteristics_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_child_characteristics_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE disposals (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "Incident" character varying(1000) NOT NULL,
    "Outcome" character varying(30),
    "IncidentOn" date NOT NULL,
    "OutcomeOn" date,
    "GravityScore" integer NOT NULL,
    "Completed" boolean,
    "TurnaroundTrigger" character varying(200),
    "TurnaroundAge" integer,
    "TurnaroundTriggerOn" date,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    CONSTRAINT "PK_disposals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_disposals_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_disposals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_disposals_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_disposals_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE TABLE kpi_records (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "Stage" character varying(10) NOT NULL,
    "RecordedOn" date NOT NULL,
    "AccommodationSuitable" boolean NOT NULL,
    "EducationHoursOffered" integer NOT NULL,
    "EducationHoursAttended" integer NOT NULL,
    "LearningNeeds" character varying(30) NOT NULL,
    "MentalHealth" character varying(20) NOT NULL,
    "SubstanceUse" character varying(20) NOT NULL,
    "ChildrensServices" character varying(20) NOT NULL,
    "SeriousViolence" boolean NOT NULL,
    "Victims" character varying(20) NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    CONSTRAINT "PK_kpi_records" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_kpi_records_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_kpi_records_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_kpi_records_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_kpi_records_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE TABLE later_offences (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "OffenceOn" date NOT NULL,
    "OffenceType" character varying(200) NOT NULL,
    "GravityScore" integer NOT NULL,
    "Source" character varying(30) NOT NULL,
    "Outcome" character varying(30) NOT NULL,
    "OutcomeOn" date,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    CONSTRAINT "PK_later_offences" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_later_offences_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_later_offences_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_later_offences_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_later_offences_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_child_characteristics_RecordedByUserId" ON child_characteristics ("RecordedByUserId");
CREATE INDEX "IX_disposals_CaseId" ON disposals ("CaseId");
CREATE INDEX "IX_disposals_ChildId" ON disposals ("ChildId");
CREATE INDEX "IX_disposals_RecordedByUserId" ON disposals ("RecordedByUserId");
CREATE INDEX "IX_disposals_TeamId" ON disposals ("TeamId");
CREATE INDEX "IX_kpi_records_CaseId_Stage" ON kpi_records ("CaseId", "Stage");
CREATE INDEX "IX_kpi_records_ChildId" ON kpi_records ("ChildId");
CREATE INDEX "IX_kpi_records_RecordedByUserId" ON kpi_records ("RecordedByUserId");
CREATE INDEX "IX_kpi_records_TeamId_Stage_RecordedOn" ON kpi_records ("TeamId", "Stage", "RecordedOn");
CREATE INDEX "IX_later_offences_CaseId_OffenceOn" ON later_offences ("CaseId", "OffenceOn");
CREATE INDEX "IX_later_offences_ChildId" ON later_offences ("ChildId");
CREATE INDEX "IX_later_offences_RecordedByUserId" ON later_offences ("RecordedByUserId");
CREATE INDEX "IX_later_offences_TeamId" ON later_offences ("TeamId");
