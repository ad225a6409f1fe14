-- 0042_unsealed_audit_entries: a save writes its audit entries here, unsealed, in its own transaction and with no lock;
-- the sealer chains them into audit_entries after the commit, many at a time under the chain's lock, and removes them
-- from here in the same transaction (issue 18, session 10, decision 0085). Entries are only added and removed here,
-- never changed. SQLite saves still seal their own entries; the table is there so the one model fits every database.
-- The T-SQL twin of the SQLite and PostgreSQL scripts, written by hand and NOT RUN on a SQL Server (there was none where
-- it was written; the parser and the schema comparison of SqlServerScriptTests check it). Batches are separated by GO
-- lines, as sqlcmd and SSMS read them (CREATE TRIGGER must begin a batch). The sealer reads the waiting table WITH
-- (READPAST) on SQL Server, so rows a save has not committed do not hold it (read-committed snapshot is not assumed).
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE [audit_entries_unsealed] (
    [Id] bigint NOT NULL IDENTITY,
    [OccurredAtUtc] datetime2 NOT NULL,
    [UserId] uniqueidentifier NULL,
    [UserName] nvarchar(200) NOT NULL,
    [Action] nvarchar(20) NOT NULL,
    [EntityType] nvarchar(100) NOT NULL,
    [EntityId] nvarchar(200) NOT NULL,
    [ChildId] uniqueidentifier NULL,
    [Changes] nvarchar(max) NULL,
    [IpAddress] nvarchar(64) NULL,
    [Reason] nvarchar(1000) NULL,
    CONSTRAINT [PK_audit_entries_unsealed] PRIMARY KEY ([Id])
);
GO

-- Entries are added and removed here, never changed (as the trigger of the other scripts).
CREATE TRIGGER [audit_entries_unsealed_add_or_remove_only] ON [audit_entries_unsealed]
INSTEAD OF UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50000, 'audit_entries_unsealed entries are added and removed, never changed', 1;
END;
GO

-- Each waiting entry carries the app's MAC over its content and a unique nonce, kept with the sealed entry (sealed with
-- it); rows the sealer would not seal are moved to audit_entries_set_aside and kept (see the PostgreSQL script).
ALTER TABLE [audit_entries_unsealed] ADD [Nonce] nchar(32) NOT NULL;
ALTER TABLE [audit_entries_unsealed] ADD [KeyId] nvarchar(16) NOT NULL;
ALTER TABLE [audit_entries_unsealed] ADD [Mac] nchar(64) NOT NULL;
GO

CREATE UNIQUE INDEX [IX_audit_entries_unsealed_Nonce] ON [audit_entries_unsealed] ([Nonce]);
GO

ALTER TABLE [audit_entries] ADD [Nonce] nchar(32) NULL;
GO

CREATE UNIQUE INDEX [IX_audit_entries_Nonce] ON [audit_entries] ([Nonce]) WHERE [Nonce] IS NOT NULL;
GO

CREATE TABLE [audit_entries_set_aside] (
    [Id] bigint NOT NULL IDENTITY,
    [WaitingId] bigint NOT NULL,
    [SetAsideAtUtc] datetime2 NOT NULL,
    [Why] nvarchar(30) NOT NULL,
    [OccurredAtUtc] datetime2 NOT NULL,
    [UserId] uniqueidentifier NULL,
    [UserName] nvarchar(200) NOT NULL,
    [Action] nvarchar(20) NOT NULL,
    [EntityType] nvarchar(100) NOT NULL,
    [EntityId] nvarchar(200) NOT NULL,
    [ChildId] uniqueidentifier NULL,
    [Changes] nvarchar(max) NULL,
    [IpAddress] nvarchar(64) NULL,
    [Reason] nvarchar(1000) NULL,
    [Nonce] nchar(32) NOT NULL,
    [KeyId] nvarchar(16) NOT NULL,
    [Mac] nchar(64) NOT NULL,
    CONSTRAINT [PK_audit_entries_set_aside] PRIMARY KEY ([Id])
);
GO

CREATE TRIGGER [audit_entries_set_aside_kept] ON [audit_entries_set_aside]
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50000, 'audit_entries_set_aside entries are kept, never changed or deleted', 1;
END;
GO
