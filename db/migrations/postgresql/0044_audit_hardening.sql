-- 0044_audit_hardening: the loose ends of the audit chain sealed after the commit (decision 0099, session 12).
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

-- TRUNCATE fires no row trigger: the set-aside rows' update-and-delete trigger did not stop TRUNCATE emptying them, as
-- 0002's statement trigger stops it on audit_entries. The waiting table's rows are entries of the trail not yet sealed;
-- the sealer removes them one id at a time and never empties the table, so nothing the app does truncates either.
CREATE TRIGGER audit_entries_set_aside_no_truncate BEFORE TRUNCATE ON audit_entries_set_aside
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_set_aside_kept();

CREATE FUNCTION audit_entries_unsealed_not_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries_unsealed entries are removed by the sealer as it seals them, never emptied';
END;
$$;

CREATE TRIGGER audit_entries_unsealed_no_truncate BEFORE TRUNCATE ON audit_entries_unsealed
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_unsealed_not_emptied();

-- A set-aside row keeps its changes, which may hold a child's details, only as long as the retention schedule allows;
-- then the retention job clears them and the row keeps their SHA-256 in their place (decision 0099). Rows set aside from
-- now on get the digest when they are set aside; older ones when their changes are cleared. This one change is the only
-- one the table takes: the changes to NULL with the digest kept (or, for a row that had none, the digest of the changes
-- it replaces, checked here), every other column as it was. Deletes and TRUNCATE are refused as before.
ALTER TABLE audit_entries_set_aside ADD "ChangesDigest" character(64);

CREATE OR REPLACE FUNCTION audit_entries_set_aside_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW."Changes" IS NULL AND NEW."ChangesDigest" IS NOT NULL
        AND (NEW."ChangesDigest" = OLD."ChangesDigest"
             OR (OLD."ChangesDigest" IS NULL AND NEW."ChangesDigest" = encode(sha256(convert_to(OLD."Changes", 'UTF8')), 'hex')))
        AND (to_jsonb(NEW) - 'Changes' - 'ChangesDigest') = (to_jsonb(OLD) - 'Changes' - 'ChangesDigest') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_entries_set_aside entries are kept, never changed or deleted';
END;
$$;

-- A row whose Action is not one the app writes could not be read by the sealer, which then stopped sealing the batch it
-- was in (0085, "What an attacker can do"): the waiting table refuses it. A new AuditAction needs its name added here by
-- a migration (AuditSealingTests writes every one through the app, so a missing name fails there).
ALTER TABLE audit_entries_unsealed ADD CONSTRAINT "CK_audit_entries_unsealed_Action"
    CHECK ("Action" IN ('View', 'Create', 'Update', 'Delete', 'BreakGlass', 'Export', 'TokenIssued', 'TokenRefused', 'SignedIn', 'SignInRefused'));
