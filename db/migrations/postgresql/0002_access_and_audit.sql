-- 0002_access_and_audit: who sent a referral and what they shared in confidence; break-glass access;
-- the hash-chained, append-only audit trail.
-- Tables and indexes generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE referrals ADD "SubmittedByUserId" uuid;

ALTER TABLE referrals ADD "SensitiveNotes" character varying(8000);

ALTER TABLE referrals ADD CONSTRAINT "FK_referrals_AspNetUsers_SubmittedByUserId" FOREIGN KEY ("SubmittedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT;

CREATE TABLE audit_entries (
    "Sequence" bigint NOT NULL,
    "OccurredAtUtc" timestamp with time zone NOT NULL,
    "UserId" uuid,
    "UserName" character varying(200) NOT NULL,
    "Action" character varying(20) NOT NULL,
    "EntityType" character varying(100) NOT NULL,
    "EntityId" character varying(200) NOT NULL,
    "ChildId" uuid,
    "Changes" text,
    "IpAddress" character varying(64),
    "Reason" character varying(1000),
    "PreviousHash" character(64) NOT NULL,
    "Hash" character(64) NOT NULL,
    CONSTRAINT "PK_audit_entries" PRIMARY KEY ("Sequence")
);

CREATE TABLE break_glass_accesses (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "ReferralId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "GrantedAtUtc" timestamp with time zone NOT NULL,
    "ExpiresAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_break_glass_accesses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_break_glass_accesses_referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES referrals ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_break_glass_accesses_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_audit_entries_ChildId_Sequence" ON audit_entries ("ChildId", "Sequence");

CREATE INDEX "IX_audit_entries_EntityType_EntityId" ON audit_entries ("EntityType", "EntityId");

CREATE INDEX "IX_audit_entries_OccurredAtUtc" ON audit_entries ("OccurredAtUtc");

CREATE INDEX "IX_audit_entries_UserId_Sequence" ON audit_entries ("UserId", "Sequence");

CREATE INDEX "IX_break_glass_accesses_ReferralId" ON break_glass_accesses ("ReferralId");

CREATE INDEX "IX_break_glass_accesses_TeamId_GrantedAtUtc" ON break_glass_accesses ("TeamId", "GrantedAtUtc");

CREATE INDEX "IX_break_glass_accesses_UserId_ReferralId_ExpiresAtUtc" ON break_glass_accesses ("UserId", "ReferralId", "ExpiresAtUtc");

CREATE INDEX "IX_referrals_SubmittedByUserId" ON referrals ("SubmittedByUserId");

-- The audit trail is append-only: the database itself refuses to change or delete an entry.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;

CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
