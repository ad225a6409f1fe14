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
