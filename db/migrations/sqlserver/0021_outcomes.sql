-- 0021_outcomes: the key performance indicators recorded at the start, reviews and end of the work, the incident and
-- any out-of-court outcome, later offences as dated records, a child's protected characteristics, and the team's
-- follow-up window for later offending (12 months unless the team manager sets otherwise); issue 19, decisions 0048
-- and 0049. The T-SQL twin of the SQLite and PostgreSQL scripts of the same number.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider SqlServer
-- Batches are separated by GO lines, as sqlcmd and SSMS read them.
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE [teams] ADD [OutcomeFollowUpMonths] int NOT NULL CONSTRAINT [DF_teams_OutcomeFollowUpMonths] DEFAULT 12;
GO

ALTER TABLE [teams] DROP CONSTRAINT [DF_teams_OutcomeFollowUpMonths];
GO

CREATE TABLE [child_characteristics] (
    [ChildId] uniqueidentifier NOT NULL,
    [Ethnicity] nvarchar(50) NOT NULL,
    [Disability] nvarchar(20) NOT NULL,
    [GenderSameAsSex] nvarchar(20) NOT NULL,
    [CareExperienced] nvarchar(20) NOT NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_child_characteristics] PRIMARY KEY ([ChildId]),
    CONSTRAINT [FK_child_characteristics_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_child_characteristics_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [disposals] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [Incident] nvarchar(1000) NOT NULL,
    [Outcome] nvarchar(30) NULL,
    [IncidentOn] date NOT NULL,
    [OutcomeOn] date NULL,
    [GravityScore] int NOT NULL,
    [Completed] bit NULL,
    [TurnaroundTrigger] nvarchar(200) NULL,
    [TurnaroundAge] int NULL,
    [TurnaroundTriggerOn] date NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_disposals] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_disposals_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_disposals_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_disposals_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_disposals_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [kpi_records] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [Stage] nvarchar(10) NOT NULL,
    [RecordedOn] date NOT NULL,
    [AccommodationSuitable] bit NOT NULL,
    [EducationHoursOffered] int NOT NULL,
    [EducationHoursAttended] int NOT NULL,
    [LearningNeeds] nvarchar(30) NOT NULL,
    [MentalHealth] nvarchar(20) NOT NULL,
    [SubstanceUse] nvarchar(20) NOT NULL,
    [ChildrensServices] nvarchar(20) NOT NULL,
    [SeriousViolence] bit NOT NULL,
    [Victims] nvarchar(20) NOT NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_kpi_records] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_kpi_records_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_kpi_records_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_kpi_records_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_kpi_records_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [later_offences] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [OffenceOn] date NOT NULL,
    [OffenceType] nvarchar(200) NOT NULL,
    [GravityScore] int NOT NULL,
    [Source] nvarchar(30) NOT NULL,
    [Outcome] nvarchar(30) NOT NULL,
    [OutcomeOn] date NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_later_offences] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_later_offences_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_later_offences_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_later_offences_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_later_offences_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO

CREATE INDEX [IX_child_characteristics_RecordedByUserId] ON [child_characteristics] ([RecordedByUserId]);
GO

CREATE INDEX [IX_disposals_CaseId] ON [disposals] ([CaseId]);
GO

CREATE INDEX [IX_disposals_ChildId] ON [disposals] ([ChildId]);
GO

CREATE INDEX [IX_disposals_RecordedByUserId] ON [disposals] ([RecordedByUserId]);
GO

CREATE INDEX [IX_disposals_TeamId] ON [disposals] ([TeamId]);
GO

CREATE INDEX [IX_kpi_records_CaseId_Stage] ON [kpi_records] ([CaseId], [Stage]);
GO

CREATE INDEX [IX_kpi_records_ChildId] ON [kpi_records] ([ChildId]);
GO

CREATE INDEX [IX_kpi_records_RecordedByUserId] ON [kpi_records] ([RecordedByUserId]);
GO

CREATE INDEX [IX_kpi_records_TeamId_Stage_RecordedOn] ON [kpi_records] ([TeamId], [Stage], [RecordedOn]);
GO

CREATE INDEX [IX_later_offences_CaseId_OffenceOn] ON [later_offences] ([CaseId], [OffenceOn]);
GO

CREATE INDEX [IX_later_offences_ChildId] ON [later_offences] ([ChildId]);
GO

CREATE INDEX [IX_later_offences_RecordedByUserId] ON [later_offences] ([RecordedByUserId]);
GO

CREATE INDEX [IX_later_offences_TeamId] ON [later_offences] ([TeamId]);
GO
