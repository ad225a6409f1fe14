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

-- A set-aside row keeps its changes only as long as the retention schedule allows; then the retention job clears them
-- and the row keeps their SHA-256 in their place (decision 0099; see the PostgreSQL script). An INSTEAD OF trigger's own
-- UPDATE of its table does not fire it again, so the one allowed change is made here: the changes to NULL with the
-- digest kept, or set where the row had none (SQL Server cannot hash the text as the app does, UTF-8, so it does not
-- check that digest; PostgreSQL does), every other column as it was.
ALTER TABLE [audit_entries_set_aside] ADD [ChangesDigest] nchar(64) NULL;
GO

ALTER TRIGGER [audit_entries_set_aside_kept] ON [audit_entries_set_aside]
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    -- An INSTEAD OF trigger fires once a statement, even for no rows: a statement that touches none changes nothing.
    IF NOT EXISTS (SELECT 1 FROM deleted)
        RETURN;

    IF NOT EXISTS (SELECT 1 FROM inserted)
        OR EXISTS (SELECT 1 FROM inserted i JOIN deleted d ON d.[Id] = i.[Id]
                   WHERE i.[Changes] IS NOT NULL OR i.[ChangesDigest] IS NULL
                      OR (d.[ChangesDigest] IS NOT NULL AND i.[ChangesDigest] <> d.[ChangesDigest])
                      OR (d.[ChangesDigest] IS NULL AND d.[Changes] IS NULL))
        OR (SELECT COUNT(*) FROM inserted) <> (SELECT COUNT(*) FROM inserted i JOIN deleted d ON d.[Id] = i.[Id])
        OR EXISTS (SELECT [Id], [WaitingId], [SetAsideAtUtc], [Why], [OccurredAtUtc], [UserId], [UserName], [Action], [EntityType], [EntityId], [ChildId], [IpAddress], [Reason], [Nonce], [KeyId], [Mac] FROM inserted
                   EXCEPT SELECT [Id], [WaitingId], [SetAsideAtUtc], [Why], [OccurredAtUtc], [UserId], [UserName], [Action], [EntityType], [EntityId], [ChildId], [IpAddress], [Reason], [Nonce], [KeyId], [Mac] FROM deleted)
        THROW 50000, 'audit_entries_set_aside entries are kept, never changed or deleted', 1;

    UPDATE s SET [Changes] = NULL, [ChangesDigest] = i.[ChangesDigest] FROM [audit_entries_set_aside] s JOIN inserted i ON i.[Id] = s.[Id];
END;
GO

-- A row whose Action is not one the app writes could not be read by the sealer (see the PostgreSQL script): refused.
ALTER TABLE [audit_entries_unsealed] ADD CONSTRAINT [CK_audit_entries_unsealed_Action]
    CHECK ([Action] IN (N'View', N'Create', N'Update', N'Delete', N'BreakGlass', N'Export', N'TokenIssued', N'TokenRefused', N'SignedIn', N'SignInRefused'));
GO

-- The sealer removes the rows it sealed by their ids (decision 0085): EF Core 10 sends them as a list of parameters,
-- [Id] IN (@ids1, @ids2, ...), which seeks on PK_audit_entries_unsealed (clustered, the table's only clustered index,
-- from 0042), so the DELETE touches only the rows it names and never waits on a save's row not yet committed. Nothing
-- to add here; SqlServerScriptTests pins the translation, and this note is the check of the index (script unrun).
