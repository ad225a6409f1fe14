-- 0008_assessments: the TrACE assessment (three judgements, learning needs, strengths and views, analysis and
-- recommendations, its workflow and versions), its Common Assessment Framework areas and its adversity answers.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE assessments (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "PreviousAssessmentId" uuid,
    "Status" character varying(20) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    "SubmittedAtUtc" timestamp with time zone,
    "SubmittedByUserId" uuid,
    "ReturnedAtUtc" timestamp with time zone,
    "ReturnComments" character varying(4000),
    "CountersignedAtUtc" timestamp with time zone,
    "CountersignedByUserId" uuid,
    "Reoffending" character varying(20),
    "ReoffendingRationale" character varying(4000),
    "ReoffendingEvidence" character varying(4000),
    "SeriousHarm" character varying(20),
    "SeriousHarmRationale" character varying(4000),
    "SeriousHarmEvidence" character varying(4000),
    "Wellbeing" character varying(20),
    "WellbeingRationale" character varying(4000),
    "WellbeingEvidence" character varying(4000),
    "Aln" character varying(30),
    "HasIndividualDevelopmentPlan" boolean NOT NULL,
    "SpeechLanguage" character varying(20),
    "Neurodiversity" character varying(20),
    "NeurodiversityNotes" character varying(4000),
    "SchoolAttachment" character varying(20),
    "AttendancePercent" integer,
    "FixedTermExclusions" integer NOT NULL,
    "PermanentlyExcluded" boolean NOT NULL,
    "EducationalPsychologistInvolved" boolean NOT NULL,
    "LearningNotes" character varying(4000),
    "Relationships" character varying(4000),
    "Interests" character varying(4000),
    "Aspirations" character varying(4000),
    "ChildView" character varying(4000),
    "ParentView" character varying(4000),
    "Analysis" character varying(4000),
    "Recommendations" character varying(4000),
    "Revision" integer NOT NULL,
    CONSTRAINT "PK_assessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_assessments_AspNetUsers_CountersignedByUserId" FOREIGN KEY ("CountersignedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_AspNetUsers_SubmittedByUserId" FOREIGN KEY ("SubmittedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_assessments_PreviousAssessmentId" FOREIGN KEY ("PreviousAssessmentId") REFERENCES assessments ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE TABLE assessment_areas (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "Area" character varying(40) NOT NULL,
    "Strengths" character varying(4000),
    "Needs" character varying(4000),
    "Marker" character varying(20),
    CONSTRAINT "PK_assessment_areas" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_assessment_areas_assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES assessments ("Id") ON DELETE RESTRICT
);

CREATE TABLE assessment_adversities (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "Adversity" character varying(40) NOT NULL,
    "Answer" character varying(20),
    "NotAskedReason" character varying(1000),
    "Source" character varying(200),
    "RecordedOn" date,
    "Notes" character varying(4000),
    CONSTRAINT "PK_assessment_adversities" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_assessment_adversities_assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES assessments ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_assessment_adversities_AssessmentId_Adversity" ON assessment_adversities ("AssessmentId", "Adversity");
CREATE UNIQUE INDEX "IX_assessment_areas_AssessmentId_Area" ON assessment_areas ("AssessmentId", "Area");
CREATE UNIQUE INDEX "IX_assessments_CaseId_Number" ON assessments ("CaseId", "Number");
CREATE INDEX "IX_assessments_ChildId" ON assessments ("ChildId");
CREATE INDEX "IX_assessments_CountersignedByUserId" ON assessments ("CountersignedByUserId");
CREATE INDEX "IX_assessments_CreatedByUserId" ON assessments ("CreatedByUserId");
CREATE INDEX "IX_assessments_PreviousAssessmentId" ON assessments ("PreviousAssessmentId");
CREATE INDEX "IX_assessments_SubmittedByUserId" ON assessments ("SubmittedByUserId");
CREATE INDEX "IX_assessments_TeamId_Status" ON assessments ("TeamId", "Status");
