-- 0002_access_and_audit: who sent a referral and what they shared in confidence; break-glass access;
-- the hash-chained, append-only audit trail.
-- Tables and indexes generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "referrals" ADD COLUMN "SubmittedByUserId" TEXT NULL CONSTRAINT "FK_referrals_AspNetUsers_SubmittedByUserId" REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT;

ALTER TABLE "referrals" ADD COLUMN "SensitiveNotes" TEXT NULL;

CREATE TABLE "audit_entries" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY,
    "OccurredAtUtc" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "ChildId" TEXT NULL,
    "Changes" TEXT NULL,
    "IpAddress" TEXT NULL,
    "Reason" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "break_glass_accesses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_break_glass_accesses" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "ReferralId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "GrantedAtUtc" TEXT NOT NULL,
    "ExpiresAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_break_glass_accesses_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "referrals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_break_glass_accesses_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_audit_entries_ChildId_Sequence" ON "audit_entries" ("ChildId", "Sequence");

CREATE INDEX "IX_audit_entries_EntityType_EntityId" ON "audit_entries" ("EntityType", "EntityId");

CREATE INDEX "IX_audit_entries_OccurredAtUtc" ON "audit_entries" ("OccurredAtUtc");

CREATE INDEX "IX_audit_entries_UserId_Sequence" ON "audit_entries" ("UserId", "Sequence");

CREATE INDEX "IX_break_glass_accesses_ReferralId" ON "break_glass_accesses" ("ReferralId");

CREATE INDEX "IX_break_glass_accesses_TeamId_GrantedAtUtc" ON "break_glass_accesses" ("TeamId", "GrantedAtUtc");

CREATE INDEX "IX_break_glass_accesses_UserId_ReferralId_ExpiresAtUtc" ON "break_glass_accesses" ("UserId", "ReferralId", "ExpiresAtUtc");

CREATE INDEX "IX_referrals_SubmittedByUserId" ON "referrals" ("SubmittedByUserId");

-- The audit trail is append-only: the database itself refuses to change or delete an entry.
CREATE TRIGGER "audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

CREATE TRIGGER "audit_entries_no_delete" BEFORE DELETE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;
