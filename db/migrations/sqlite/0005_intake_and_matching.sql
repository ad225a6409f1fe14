-- 0005_intake_and_matching: the fuller referral (contact, consent, lawful basis, identifiers, address, school,
-- carers, outcome), its status history, the blocking keys of known children, match candidates with their
-- explanations and decisions, merges of two records of one child, drafts of the staff referral form, and the case an accepted referral opens.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "children" ADD COLUMN "NhsNumber" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "UniquePupilNumber" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "PncId" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "MergedIntoChildId" TEXT NULL REFERENCES "children" ("Id") ON DELETE RESTRICT;
ALTER TABLE "children" ADD COLUMN "MergedAtUtc" TEXT NULL;

ALTER TABLE "referrals" ADD COLUMN "ReferrerPhone" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ReferrerEmail" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "Reason" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "Consent" TEXT NOT NULL DEFAULT 'NotSought';
ALTER TABLE "referrals" ADD COLUMN "LawfulBasis" TEXT NOT NULL DEFAULT 'PublicTask';
ALTER TABLE "referrals" ADD COLUMN "ChildNhsNumber" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildUniquePupilNumber" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildPncId" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildAddress" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildSchool" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ParentsOrCarers" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "SubmissionKey" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "OutcomeReason" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "DecidedAtUtc" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "DecidedByUserId" TEXT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT;

CREATE TABLE "child_match_keys" (
    "Key" INTEGER NOT NULL,
    "SourceId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    CONSTRAINT "PK_child_match_keys" PRIMARY KEY ("SourceId", "Key"),
    CONSTRAINT "FK_child_match_keys_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "child_merges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_child_merges" PRIMARY KEY,
    "SurvivorChildId" TEXT NOT NULL,
    "MergedChildId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "MovedReferralIds" TEXT NOT NULL,
    "MergedAtUtc" TEXT NOT NULL,
    "MergedByUserId" TEXT NULL,
    "UndoneAtUtc" TEXT NULL,
    "UndoneByUserId" TEXT NULL,
    CONSTRAINT "FK_child_merges_children_MergedChildId" FOREIGN KEY ("MergedChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_child_merges_children_SurvivorChildId" FOREIGN KEY ("SurvivorChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "match_candidates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_match_candidates" PRIMARY KEY,
    "ReferralId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "Score" REAL NOT NULL,
    "Decision" TEXT NOT NULL,
    "Explanation" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProposedAtUtc" TEXT NOT NULL,
    "DecidedAtUtc" TEXT NULL,
    "DecidedByUserId" TEXT NULL,
    "DecisionNote" TEXT NULL,
    CONSTRAINT "FK_match_candidates_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_match_candidates_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "referrals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "referral_transitions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_referral_transitions" PRIMARY KEY,
    "ReferralId" TEXT NOT NULL,
    "FromStatus" TEXT NULL,
    "ToStatus" TEXT NOT NULL,
    "OccurredAtUtc" TEXT NOT NULL,
    "ByUserId" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_referral_transitions_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "referrals" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_child_match_keys_ChildId" ON "child_match_keys" ("ChildId");
CREATE INDEX "IX_child_match_keys_Key_ChildId" ON "child_match_keys" ("Key", "ChildId");
CREATE INDEX "IX_child_merges_MergedChildId" ON "child_merges" ("MergedChildId");
CREATE INDEX "IX_child_merges_SurvivorChildId" ON "child_merges" ("SurvivorChildId");
CREATE INDEX "IX_children_MergedIntoChildId" ON "children" ("MergedIntoChildId");
CREATE INDEX "IX_match_candidates_ChildId" ON "match_candidates" ("ChildId");
CREATE UNIQUE INDEX "IX_match_candidates_ReferralId_ChildId" ON "match_candidates" ("ReferralId", "ChildId");
CREATE INDEX "IX_referral_transitions_ReferralId_OccurredAtUtc" ON "referral_transitions" ("ReferralId", "OccurredAtUtc");
CREATE INDEX "IX_referrals_DecidedByUserId" ON "referrals" ("DecidedByUserId");
CREATE UNIQUE INDEX "IX_referrals_SubmissionKey" ON "referrals" ("SubmissionKey");

CREATE TABLE "referral_drafts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_referral_drafts" PRIMARY KEY,
    "OwnerUserId" TEXT NOT NULL,
    "Answers" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "SubmittedReferralId" TEXT NULL,
    "CompletedSteps" TEXT NOT NULL,
    CONSTRAINT "FK_referral_drafts_AspNetUsers_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_referral_drafts_OwnerUserId_UpdatedAtUtc" ON "referral_drafts" ("OwnerUserId", "UpdatedAtUtc");

CREATE TABLE "cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY,
    "TeamId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "OpenedAtUtc" TEXT NOT NULL,
    "OpenedByUserId" TEXT NULL,
    "ClosedAtUtc" TEXT NULL,
    CONSTRAINT "FK_cases_AspNetUsers_OpenedByUserId" FOREIGN KEY ("OpenedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

ALTER TABLE "referrals" ADD COLUMN "CaseId" TEXT NULL REFERENCES "cases" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_cases_ChildId_Status" ON "cases" ("ChildId", "Status");
CREATE INDEX "IX_cases_OpenedByUserId" ON "cases" ("OpenedByUserId");
CREATE INDEX "IX_cases_TeamId_Status_OpenedAtUtc" ON "cases" ("TeamId", "Status", "OpenedAtUtc");
CREATE INDEX "IX_referrals_CaseId" ON "referrals" ("CaseId");
