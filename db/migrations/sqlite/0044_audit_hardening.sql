-- 0044_audit_hardening: the loose ends of the audit chain sealed after the commit (decision 0099, session 12).
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).
-- SQLite has no TRUNCATE (DELETE without WHERE fires the delete triggers), so the other scripts' TRUNCATE guards have no
-- twin here.

-- A set-aside row keeps its changes only as long as the retention schedule allows; then the retention job clears them
-- and the row keeps their SHA-256 in their place (decision 0099; see the PostgreSQL script). The one change allowed.
ALTER TABLE "audit_entries_set_aside" ADD "ChangesDigest" TEXT NULL;

DROP TRIGGER "audit_entries_set_aside_no_update";

CREATE TRIGGER "audit_entries_set_aside_no_update" BEFORE UPDATE ON "audit_entries_set_aside"
WHEN NOT (
    NEW."Changes" IS NULL AND NEW."ChangesDigest" IS NOT NULL
    AND (NEW."ChangesDigest" IS OLD."ChangesDigest" OR (OLD."ChangesDigest" IS NULL AND OLD."Changes" IS NOT NULL))
    AND NEW."Id" IS OLD."Id" AND NEW."WaitingId" IS OLD."WaitingId" AND NEW."SetAsideAtUtc" IS OLD."SetAsideAtUtc"
    AND NEW."Why" IS OLD."Why" AND NEW."OccurredAtUtc" IS OLD."OccurredAtUtc" AND NEW."UserId" IS OLD."UserId"
    AND NEW."UserName" IS OLD."UserName" AND NEW."Action" IS OLD."Action" AND NEW."EntityType" IS OLD."EntityType"
    AND NEW."EntityId" IS OLD."EntityId" AND NEW."ChildId" IS OLD."ChildId" AND NEW."IpAddress" IS OLD."IpAddress"
    AND NEW."Reason" IS OLD."Reason" AND NEW."Nonce" IS OLD."Nonce" AND NEW."KeyId" IS OLD."KeyId" AND NEW."Mac" IS OLD."Mac")
BEGIN
    SELECT RAISE(ABORT, 'audit_entries_set_aside entries are kept, never changed or deleted');
END;

-- A row whose Action is not one the app writes could not be read by the sealer (see the PostgreSQL script): refused.
-- SQLite cannot add a CHECK to a table; a trigger refuses the insert instead (updates are refused already).
CREATE TRIGGER "audit_entries_unsealed_known_action" BEFORE INSERT ON "audit_entries_unsealed"
WHEN NEW."Action" NOT IN ('View', 'Create', 'Update', 'Delete', 'BreakGlass', 'Export', 'TokenIssued', 'TokenRefused', 'SignedIn', 'SignInRefused')
BEGIN
    SELECT RAISE(ABORT, 'audit_entries_unsealed refuses an Action the app does not write');
END;
