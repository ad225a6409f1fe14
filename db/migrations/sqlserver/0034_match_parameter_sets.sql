-- 0034_match_parameter_sets: matching weights learned from the register, every version kept (issue 18, decision 0066).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider SqlServer
-- Batches are separated by GO lines, as sqlcmd and SSMS read them.
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE [match_parameter_sets] (
    [Id] uniqueidentifier NOT NULL,
    [Version] int NOT NULL,
    [State] nvarchar(20) NOT NULL,
    [Weights] nvarchar(max) NOT NULL,
    [LearnedAtUtc] datetime2 NOT NULL,
    [LearnedByUserId] uniqueidentifier NULL,
    [Children] int NOT NULL,
    [CandidatePairs] bigint NOT NULL,
    [RandomPairs] bigint NOT NULL,
    [Iterations] int NOT NULL,
    [PriorMatchShare] float NOT NULL,
    [ActivatedAtUtc] datetime2 NULL,
    [ActivatedByUserId] uniqueidentifier NULL,
    [RetiredAtUtc] datetime2 NULL,
    [DiscardedAtUtc] datetime2 NULL,
    [DiscardedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_match_parameter_sets] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_match_parameter_sets_AspNetUsers_ActivatedByUserId] FOREIGN KEY ([ActivatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_match_parameter_sets_AspNetUsers_DiscardedByUserId] FOREIGN KEY ([DiscardedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_match_parameter_sets_AspNetUsers_LearnedByUserId] FOREIGN KEY ([LearnedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
);
GO

CREATE INDEX [IX_match_parameter_sets_ActivatedByUserId] ON [match_parameter_sets] ([ActivatedByUserId]);
GO

CREATE INDEX [IX_match_parameter_sets_DiscardedByUserId] ON [match_parameter_sets] ([DiscardedByUserId]);
GO

CREATE INDEX [IX_match_parameter_sets_LearnedByUserId] ON [match_parameter_sets] ([LearnedByUserId]);
GO

CREATE INDEX [IX_match_parameter_sets_State] ON [match_parameter_sets] ([State]);
GO

CREATE UNIQUE INDEX [IX_match_parameter_sets_Version] ON [match_parameter_sets] ([Version]);
GO
