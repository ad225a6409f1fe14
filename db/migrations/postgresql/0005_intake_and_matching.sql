-- 0005_intake_and_matching: the fuller referral (contact, consent, lawful basis, identifiers, address, school,
-- carers, outcome), its status history, the blocking keys of known children, match candidates with their
-- explanations and decisions, merges of two records of one child, drafts of the staff referral form, and the case an accepted referral opens.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE children ADD COLUMN "NhsNumber" character varying(10);
ALTER TABLE children ADD COLUMN "UniquePupilNumber" character varying(13);
ALTER TABLE children ADD COLUMN "PncId" character varying(20);
ALTER TABLE children ADD COLUMN "MergedIntoChildId" uuid;
ALTER TABLE children ADD COLUMN "MergedAtUtc" timestamp with time zone;

ALTER TABLE referrals ADD COLUMN "ReferrerPhone" character varying(40);
ALTER TABLE referrals ADD COLUMN "ReferrerEmail" character varying(254);
ALTER TABLE referrals ADD COLUMN "Reason" character varying(4000);
ALTER TABLE referrals ADD COLUMN "Consent" character varying(30) NOT NULL DEFAULT 'NotSought';
ALTER TABLE referrals ADD COLUMN "LawfulBasis" character varying(30) NOT NULL DEFAULT 'PublicTask';
ALTER TABLE referrals ADD COLUMN "ChildNhsNumber" character varying(10);
ALTER TABLE referrals ADD COLUMN "ChildUniquePupilNumber" character varying(13);
ALTER TABLE referrals ADD COLUMN "ChildPncId" character varying(20);
ALTER TABLE referrals ADD COLUMN "ChildAddress" character varying(500);
ALTER TABLE referrals ADD COLUMN "ChildSchool" character varying(200);
ALTER TABLE referrals ADD COLUMN "ParentsOrCarers" character varying(1000);
ALTER TABLE referrals ADD COLUMN "SubmissionKey" character varying(120);
ALTER TABLE referrals ADD COLUMN "OutcomeReason" character varying(2000);
ALTER TABLE referrals ADD COLUMN "DecidedAtUtc" timestamp with time zone;
ALTER TABLE referrals ADD COLUMN "DecidedByUserId" uuid;

ALTER TABLE children ADD CONSTRAINT "FK_children_children_MergedIntoChildId" FOREIGN KEY ("MergedIntoChildId") REFERENCES children ("Id") ON DELETE RESTRICT;
ALTER TABLE referrals ADD CONSTRAINT "FK_referrals_AspNetUsers_DecidedByUserId" FOREIGN KEY ("DecidedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT;

CREATE TABLE child_match_keys (
    "Key" bigint NOT NULL,
    "SourceId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    CONSTRAINT "PK_child_match_keys" PRIMARY KEY ("SourceId", "Key"),
    CONSTRAINT "FK_child_match_keys_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE child_merges (
    "Id" uuid NOT NULL,
    "SurvivorChildId" uuid NOT NULL,
    "MergedChildId" uuid NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "MovedReferralIds" text NOT NULL,
    "MergedAtUtc" timestamp with time zone NOT NULL,
    "MergedByUserId" uuid,
    "UndoneAtUtc" timestamp with time zone,
    "UndoneByUserId" uuid,
    CONSTRAINT "PK_child_merges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_child_merges_children_MergedChildId" FOREIGN KEY ("MergedChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_child_merges_children_SurvivorChildId" FOREIGN KEY ("SurvivorChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE match_candidates (
    "Id" uuid NOT NULL,
    "ReferralId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "Score" double precision NOT NULL,
    "Decision" character varying(20) NOT NULL,
    "Explanation" text NOT NULL,
    "Status" character varying(30) NOT NULL,
    "ProposedAtUtc" timestamp with time zone NOT NULL,
    "DecidedAtUtc" timestamp with time zone,
    "DecidedByUserId" uuid,
    "DecisionNote" character varying(2000),
    CONSTRAINT "PK_match_candidates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_match_candidates_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_match_candidates_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES referrals ("Id") ON DELETE RESTRICT
);

CREATE TABLE referral_transitions (
    "Id" uuid NOT NULL,
    "ReferralId" uuid NOT NULL,
    "FromStatus" character varying(40),
    "ToStatus" character varying(40) NOT NULL,
    "OccurredAtUtc" timestamp with time zone NOT NULL,
    "ByUserId" uuid,
    "Note" character varying(2000),
    CONSTRAINT "PK_referral_transitions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_referral_transitions_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES referrals ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_child_match_keys_ChildId" ON child_match_keys ("ChildId");
CREATE INDEX "IX_child_match_keys_Key_ChildId" ON child_match_keys ("Key", "ChildId");
CREATE INDEX "IX_child_merges_MergedChildId" ON child_merges ("MergedChildId");
CREATE INDEX "IX_child_merges_SurvivorChildId" ON child_merges ("SurvivorChildId");
CREATE INDEX "IX_children_MergedIntoChildId" ON children ("MergedIntoChildId");
CREATE INDEX "IX_match_candidates_ChildId" ON match_candidates ("ChildId");
CREATE UNIQUE INDEX "IX_match_candidates_ReferralId_ChildId" ON match_candidates ("ReferralId", "ChildId");
CREATE INDEX "IX_referral_transitions_ReferralId_OccurredAtUtc" ON referral_transitions ("ReferralId", "OccurredAtUtc");
CREATE INDEX "IX_referrals_DecidedByUserId" ON referrals ("DecidedByUserId");
CREATE UNIQUE INDEX "IX_referrals_SubmissionKey" ON referrals ("SubmissionKey");

CREATE TABLE referral_drafts (
    "Id" uuid NOT NULL,
    "OwnerUserId" uuid NOT NULL,
    "Answers" text NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    "SubmittedReferralId" uuid,
    "CompletedSteps" character varying(200) NOT NULL,
    CONSTRAINT "PK_referral_drafts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_referral_drafts_AspNetUsers_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_referral_drafts_OwnerUserId_UpdatedAtUtc" ON referral_drafts ("OwnerUserId", "UpdatedAtUtc");

CREATE TABLE cases (
    "Id" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "Status" character varying(30) NOT NULL,
    "OpenedAtUtc" timestamp with time zone NOT NULL,
    "OpenedByUserId" uuid,
    "ClosedAtUtc" timestamp with time zone,
    CONSTRAINT "PK_cases" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_cases_AspNetUsers_OpenedByUserId" FOREIGN KEY ("OpenedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

ALTER TABLE referrals ADD COLUMN "CaseId" uuid;
ALTER TABLE referrals ADD CONSTRAINT "FK_referrals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_cases_ChildId_Status" ON cases ("ChildId", "Status");
CREATE INDEX "IX_cases_OpenedByUserId" ON cases ("OpenedByUserId");
CREATE INDEX "IX_cases_TeamId_Status_OpenedAtUtc" ON cases ("TeamId", "Status", "OpenedAtUtc");
CREATE INDEX "IX_referrals_CaseId" ON referrals ("CaseId");
