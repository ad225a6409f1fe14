-- 0008_assessments: the TrACE assessment (three judgements, learning needs, strengths and views, analysis and
-- recommendations, its workflow and versions), its Common Assessment Framework areas and its adversity answers.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "assessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_assessments" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "PreviousAssessmentId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedByUserId" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "SubmittedAtUtc" TEXT NULL,
    "SubmittedByUserId" TEXT NULL,
    "ReturnedAtUtc" TEXT NULL,
    "ReturnComments" TEXT NULL,
    "CountersignedAtUtc" TEXT NULL,
    "CountersignedByUserId" TEXT NULL,
    "Reoffending" TEXT NULL,
    "ReoffendingRationale" TEXT NULL,
    "ReoffendingEvidence" TEXT NULL,
    "SeriousHarm" TEXT NULL,
    "SeriousHarmRationale" TEXT NULL,
    "SeriousHarmEvidence" TEXT NULL,
    "Wellbeing" TEXT NULL,
    "WellbeingRationale" TEXT NULL,
    "WellbeingEvidence" TEXT NULL,
    "Aln" TEXT NULL,
    "HasIndividualDevelopmentPlan" INTEGER NOT NULL,
    "SpeechLanguage" TEXT NULL,
    "Neurodiversity" TEXT NULL,
    "NeurodiversityNotes" TEXT NULL,
    "SchoolAttachment" TEXT NULL,
    "AttendancePercent" INTEGER NULL,
    "FixedTermExclusions" INTEGER NOT NULL,
    "PermanentlyExcluded" INTEGER NOT NULL,
    "EducationalPsychologistInvolved" INTEGER NOT NULL,
    "LearningNotes" TEXT NULL,
    "Relationships" TEXT NULL,
    "Interests" TEXT NULL,
    "Aspirations" TEXT NULL,
    "ChildView" TEXT NULL,
    "ParentView" TEXT NULL,
    "Analysis" TEXT NULL,
    "Recommendations" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_assessments_AspNetUsers_CountersignedByUserId" FOREIGN KEY ("CountersignedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_AspNetUsers_SubmittedByUserId" FOREIGN KEY ("SubmittedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_assessments_PreviousAssessmentId" FOREIGN KEY ("PreviousAssessmentId") REFERENCES "assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "assessment_areas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_assessment_areas" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "Area" TEXT NOT NULL,
    "Strengths" TEXT NULL,
    "Needs" TEXT NULL,
    "Marker" TEXT NULL,
    CONSTRAINT "FK_assessment_areas_assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "assessments" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "assessment_adversities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_assessment_adversities" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "Adversity" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "NotAskedReason" TEXT NULL,
    "Source" TEXT NULL,
    "RecordedOn" TEXT NULL,
    "Notes" TEXT NULL,
    CONSTRAINT "FK_assessment_adversities_assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "assessments" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_assessment_adversities_AssessmentId_Adversity" ON "assessment_adversities" ("AssessmentId", "Adversity");
CREATE UNIQUE INDEX "IX_assessment_areas_AssessmentId_Area" ON "assessment_areas" ("AssessmentId", "Area");
CREATE UNIQUE INDEX "IX_assessments_CaseId_Number" ON "assessments" ("CaseId", "Number");
CREATE INDEX "IX_assessments_ChildId" ON "assessments" ("ChildId");
CREATE INDEX "IX_assessments_CountersignedByUserId" ON "assessments" ("CountersignedByUserId");
CREATE INDEX "IX_assessments_CreatedByUserId" ON "assessments" ("CreatedByUserId");
CREATE INDEX "IX_assessments_PreviousAssessmentId" ON "assessments" ("PreviousAssessmentId");
CREATE INDEX "IX_assessments_SubmittedByUserId" ON "assessments" ("SubmittedByUserId");
CREATE INDEX "IX_assessments_TeamId_Status" ON "assessments" ("TeamId", "Status");
