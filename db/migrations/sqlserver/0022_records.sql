-- 0022_records: documents kept with a child's record (their rows, and their bytes when the database is the store;
-- decision 0050); the retention schedule and its review queue; subject access requests and restrictions of processing
-- (decision 0052); and the audit trail's digest of each entry's changes, which the chain seals in place of the changes
-- so that destroying a record can remove them (decision 0051). The T-SQL twin of the SQLite and PostgreSQL scripts.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider SqlServer
-- Batches are separated by GO lines, as sqlcmd and SSMS read them (ALTER TRIGGER must begin a batch).
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE [document_contents] (
    [Key] nvarchar(64) NOT NULL,
    [Content] varbinary(max) NOT NULL,
    CONSTRAINT [PK_document_contents] PRIMARY KEY ([Key])
);
GO

CREATE TABLE [documents] (
    [Id] uniqueidentifier NOT NULL,
    [OwnerKind] nvarchar(20) NOT NULL,
    [OwnerId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [Title] nvarchar(200) NOT NULL,
    [Category] nvarchar(30) NOT NULL,
    [Sensitivity] nvarchar(30) NOT NULL,
    [FileName] nvarchar(120) NOT NULL,
    [ContentType] nvarchar(100) NOT NULL,
    [Length] bigint NOT NULL,
    [Sha256] nvarchar(64) NOT NULL,
    [StorageKey] nvarchar(64) NOT NULL,
    [UploadedAtUtc] datetime2 NOT NULL,
    [UploadedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_documents] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_documents_AspNetUsers_UploadedByUserId] FOREIGN KEY ([UploadedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
);
GO

ALTER TABLE [audit_entries] ADD [ChangesDigest] nchar(64) NULL;
GO

CREATE TABLE [retention_reviews] (
    [Id] uniqueidentifier NOT NULL,
    [Kind] nvarchar(30) NOT NULL,
    [RecordId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [DueOn] date NOT NULL,
    [ListedAtUtc] datetime2 NOT NULL,
    [State] nvarchar(20) NOT NULL,
    [HoldReason] nvarchar(1000) NULL,
    [DecidedAtUtc] datetime2 NULL,
    [DecidedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_retention_reviews] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_retention_reviews_AspNetUsers_DecidedByUserId] FOREIGN KEY ([DecidedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [retention_rules] (
    [Kind] nvarchar(30) NOT NULL,
    [YearsAfter] int NOT NULL,
    [UntilAge] int NULL,
    [ChangedAtUtc] datetime2 NULL,
    [ChangedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_retention_rules] PRIMARY KEY ([Kind]),
    CONSTRAINT [FK_retention_rules_AspNetUsers_ChangedByUserId] FOREIGN KEY ([ChangedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [processing_restrictions] (
    [Id] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [Reason] nvarchar(1000) NOT NULL,
    [RestrictedAtUtc] datetime2 NOT NULL,
    [RestrictedByUserId] uniqueidentifier NULL,
    [LiftedAtUtc] datetime2 NULL,
    [LiftedByUserId] uniqueidentifier NULL,
    [LiftReason] nvarchar(1000) NULL,
    CONSTRAINT [PK_processing_restrictions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_processing_restrictions_AspNetUsers_LiftedByUserId] FOREIGN KEY ([LiftedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_processing_restrictions_AspNetUsers_RestrictedByUserId] FOREIGN KEY ([RestrictedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_processing_restrictions_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [subject_access_requests] (
    [Id] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [ReceivedOn] date NOT NULL,
    [DueOn] date NOT NULL,
    [ReceivedAtUtc] datetime2 NOT NULL,
    [ReceivedByUserId] uniqueidentifier NULL,
    [Redactions] nvarchar(4000) NULL,
    [ReleasedAtUtc] datetime2 NULL,
    [ReleasedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_subject_access_requests] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_subject_access_requests_AspNetUsers_ReceivedByUserId] FOREIGN KEY ([ReceivedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_subject_access_requests_AspNetUsers_ReleasedByUserId] FOREIGN KEY ([ReleasedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_subject_access_requests_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO

CREATE INDEX [IX_documents_ChildId] ON [documents] ([ChildId]);
GO

CREATE INDEX [IX_documents_OwnerKind_OwnerId_UploadedAtUtc] ON [documents] ([OwnerKind], [OwnerId], [UploadedAtUtc]);
GO

CREATE INDEX [IX_documents_UploadedByUserId] ON [documents] ([UploadedByUserId]);
GO

CREATE INDEX [IX_processing_restrictions_ChildId_LiftedAtUtc] ON [processing_restrictions] ([ChildId], [LiftedAtUtc]);
GO

CREATE INDEX [IX_processing_restrictions_LiftedByUserId] ON [processing_restrictions] ([LiftedByUserId]);
GO

CREATE INDEX [IX_processing_restrictions_RestrictedByUserId] ON [processing_restrictions] ([RestrictedByUserId]);
GO

CREATE INDEX [IX_retention_reviews_DecidedByUserId] ON [retention_reviews] ([DecidedByUserId]);
GO

CREATE UNIQUE INDEX [IX_retention_reviews_RecordId] ON [retention_reviews] ([RecordId]);
GO

CREATE INDEX [IX_retention_reviews_TeamId_State_DueOn] ON [retention_reviews] ([TeamId], [State], [DueOn]);
GO

CREATE INDEX [IX_retention_rules_ChangedByUserId] ON [retention_rules] ([ChangedByUserId]);
GO

CREATE INDEX [IX_subject_access_requests_ChildId] ON [subject_access_requests] ([ChildId]);
GO

CREATE INDEX [IX_subject_access_requests_ReceivedByUserId] ON [subject_access_requests] ([ReceivedByUserId]);
GO

CREATE INDEX [IX_subject_access_requests_ReleasedByUserId] ON [subject_access_requests] ([ReleasedByUserId]);
GO

CREATE INDEX [IX_subject_access_requests_TeamId_DueOn] ON [subject_access_requests] ([TeamId], [DueOn]);
GO

-- The trail stays append-only but for one change: a destroyed record's entries lose their changes (set to NULL) where
-- the chain seals the changes' digest rather than the changes; every other column must stay as it was. An INSTEAD OF
-- trigger's own UPDATE of its table does not fire it again, so the allowed change is made here.
ALTER TRIGGER [audit_entries_append_only] ON [audit_entries]
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT EXISTS (SELECT 1 FROM inserted)
        OR EXISTS (SELECT 1 FROM inserted i JOIN deleted d ON d.[Sequence] = i.[Sequence]
                   WHERE i.[Changes] IS NOT NULL OR d.[ChangesDigest] IS NULL)
        OR (SELECT COUNT(*) FROM inserted) <> (SELECT COUNT(*) FROM inserted i JOIN deleted d ON d.[Sequence] = i.[Sequence])
        OR EXISTS (SELECT [Sequence], [OccurredAtUtc], [UserId], [UserName], [Action], [EntityType], [EntityId], [ChildId], [ChangesDigest], [IpAddress], [Reason], [PreviousHash], [Hash], [KeyId] FROM inserted EXCEPT SELECT [Sequence], [OccurredAtUtc], [UserId], [UserName], [Action], [EntityType], [EntityId], [ChildId], [ChangesDigest], [IpAddress], [Reason], [PreviousHash], [Hash], [KeyId] FROM deleted)
        THROW 50000, 'audit_entries is append-only', 1;

    UPDATE a SET [Changes] = NULL FROM [audit_entries] a JOIN inserted i ON i.[Sequence] = a.[Sequence];
END;
GO
