-- 0042_unsealed_audit_entries: a save writes its audit entries here, unsealed, in its own transaction and with no lock;
-- the sealer chains them into audit_entries after the commit, many at a time under the chain's lock, and removes them
-- from here in the same transaction (issue 18, session 10, decision 0085). Entries are only added and removed here,
-- never changed. SQLite saves still seal their own entries; the table is there so the one model fits every database.
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
