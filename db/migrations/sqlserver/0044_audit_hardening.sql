-- 0044_audit_hardening: the loose ends of the audit chain sealed after the commit (decision 0099, session 12).
-- The T-SQL twin of the PostgreSQL and SQLite scripts, written by hand and NOT RUN on a SQL Server (there was none where
-- it was written; the parser and the schema comparison of SqlServerScriptTests check it). Batches are separated by GO.
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

-- TRUNCATE fires no trigger on SQL Server, but it is refused on a table that a foreign key refers to (as the baseline's
-- audit_entries_truncate_guard does for audit_entries): these empty tables' keys refer to the set-aside and waiting
-- tables, so TRUNCATE TABLE on either fails as PostgreSQL's BEFORE TRUNCATE triggers make it fail there.
CREATE TABLE [audit_entries_set_aside_truncate_guard] (
    [Id] bigint NOT NULL,
    CONSTRAINT [PK_audit_entries_set_aside_truncate_guard] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_audit_entries_set_aside_truncate_guard_audit_entries_set_aside_Id] FOREIGN KEY ([Id]) REFERENCES [audit_entries_set_aside] ([Id])
);
GO

CREATE TABLE [audit_entries_unsealed_truncate_guard] (
    [Id] bigint NOT NULL,
    CONSTRAINT [PK_audit_entries_unsealed_truncate_guard] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_audit_entries_unsealed_truncate_guard_audit_entries_unsealed_Id] FOREIGN KEY ([Id]) REFERENCES [audit_entries_unsealed] ([Id])
);
GO
