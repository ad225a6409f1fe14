-- 0042_unsealed_audit_entries: a save writes its audit entries here, unsealed, in its own transaction and with no lock;
-- the sealer chains them into audit_entries after the commit, many at a time under the chain's lock, and removes them
-- from here in the same transaction (issue 18, session 10, decision 0085). Entries are only added and removed here,
-- never changed. SQLite saves still seal their own entries; the table is there so the one model fits every database.
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "audit_entries_unsealed" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries_unsealed" PRIMARY KEY AUTOINCREMENT,
    "OccurredAtUtc" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "ChildId" TEXT NULL,
    "Changes" TEXT NULL,
    "IpAddress" TEXT NULL,
    "Reason" TEXT NULL
);

CREATE TRIGGER "audit_entries_unsealed_no_update" BEFORE UPDATE ON "audit_entries_unsealed"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries_unsealed entries are added and removed, never changed');
END;

-- Each waiting entry carries the app's MAC over its content and a unique nonce, kept with the sealed entry; rows the
-- sealer would not seal are moved to audit_entries_set_aside (see the PostgreSQL script).
ALTER TABLE "audit_entries_unsealed" ADD "Nonce" TEXT NOT NULL DEFAULT '';
ALTER TABLE "audit_entries_unsealed" ADD "KeyId" TEXT NOT NULL DEFAULT '';
ALTER TABLE "audit_entries_unsealed" ADD "Mac" TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX "IX_audit_entries_unsealed_Nonce" ON "audit_entries_unsealed" ("Nonce");

ALTER TABLE "audit_entries" ADD "Nonce" TEXT NULL;
CREATE UNIQUE INDEX "IX_audit_entries_Nonce" ON "audit_entries" ("Nonce");

CREATE TABLE "audit_entries_set_aside" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries_set_aside" PRIMARY KEY AUTOINCREMENT,
    "WaitingId" INTEGER NOT NULL,
    "SetAsideAtUtc" TEXT NOT NULL,
    "Why" TEXT NOT NULL,
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
    "Nonce" TEXT NOT NULL,
    "KeyId" TEXT NOT NULL,
    "Mac" TEXT NOT NULL
);

CREATE TRIGGER "audit_entries_set_aside_no_update" BEFORE UPDATE ON "audit_entries_set_aside"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries_set_aside entries are kept, never changed or deleted');
END;

CREATE TRIGGER "audit_entries_set_aside_no_delete" BEFORE DELETE ON "audit_entries_set_aside"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries_set_aside entries are kept, never changed or deleted');
END;
