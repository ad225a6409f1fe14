-- 0020_baseline: SQL Server joins at migration 0020 (docs/decisions/0042-sql-server-provider.md). This BASELINE creates
-- at once the schema that the SQLite and PostgreSQL scripts 0001-0020 build step by step, so there are no SQL Server
-- scripts 0001-0019. The migration runner applies a baseline only to an empty database; from 0021 on, every migration
-- has a T-SQL script of the same number beside the other providers' (the offline checks in CI require it).
-- No data to carry: 0018's standard intervention kinds are added for existing teams, and an empty database has none.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider SqlServer
-- Batches are separated by GO lines, as sqlcmd and SSMS read them (CREATE TRIGGER must begin a batch).
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE [agencies] (
    [Id] uniqueidentifier NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Kind] nvarchar(40) NOT NULL,
    CONSTRAINT [PK_agencies] PRIMARY KEY ([Id])
);
GO


CREATE TABLE [AspNetRoles] (
    [Id] uniqueidentifier NOT NULL,
    [Name] nvarchar(256) NULL,
    [NormalizedName] nvarchar(256) NULL,
    [ConcurrencyStamp] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
);
GO


CREATE TABLE [audit_entries] (
    [Sequence] bigint NOT NULL,
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
    [PreviousHash] nchar(64) NOT NULL,
    [Hash] nchar(64) NOT NULL,
    [KeyId] nvarchar(16) NULL,
    CONSTRAINT [PK_audit_entries] PRIMARY KEY ([Sequence])
);
GO


CREATE TABLE [job_runs] (
    [Id] uniqueidentifier NOT NULL,
    [JobName] nvarchar(60) NOT NULL,
    [TriggeredBy] nvarchar(60) NOT NULL,
    [InstanceId] nvarchar(60) NOT NULL,
    [StartedAtUtc] datetime2 NOT NULL,
    [FinishedAtUtc] datetime2 NULL,
    [Outcome] nvarchar(20) NOT NULL,
    [Summary] nvarchar(400) NULL,
    [Error] nvarchar(2000) NULL,
    CONSTRAINT [PK_job_runs] PRIMARY KEY ([Id])
);
GO


CREATE TABLE [AspNetUsers] (
    [Id] uniqueidentifier NOT NULL,
    [DisplayName] nvarchar(200) NOT NULL,
    [AgencyId] uniqueidentifier NULL,
    [MustChangePassword] bit NOT NULL,
    [UserName] nvarchar(256) NULL,
    [NormalizedUserName] nvarchar(256) NULL,
    [Email] nvarchar(256) NULL,
    [NormalizedEmail] nvarchar(256) NULL,
    [EmailConfirmed] bit NOT NULL,
    [PasswordHash] nvarchar(max) NULL,
    [SecurityStamp] nvarchar(max) NULL,
    [ConcurrencyStamp] nvarchar(max) NULL,
    [PhoneNumber] nvarchar(max) NULL,
    [PhoneNumberConfirmed] bit NOT NULL,
    [TwoFactorEnabled] bit NOT NULL,
    [LockoutEnd] datetimeoffset NULL,
    [LockoutEnabled] bit NOT NULL,
    [AccessFailedCount] int NOT NULL,
    CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AspNetUsers_agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [agencies] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [teams] (
    [Id] uniqueidentifier NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [AgencyId] uniqueidentifier NOT NULL,
    [ReviewIntervalDays] int NOT NULL,
    [NoContactFlagDays] int NOT NULL,
    CONSTRAINT [PK_teams] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_teams_agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [agencies] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [AspNetRoleClaims] (
    [Id] int NOT NULL IDENTITY,
    [RoleId] uniqueidentifier NOT NULL,
    [ClaimType] nvarchar(max) NULL,
    [ClaimValue] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [AspNetUserClaims] (
    [Id] int NOT NULL IDENTITY,
    [UserId] uniqueidentifier NOT NULL,
    [ClaimType] nvarchar(max) NULL,
    [ClaimValue] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [AspNetUserLogins] (
    [LoginProvider] nvarchar(450) NOT NULL,
    [ProviderKey] nvarchar(450) NOT NULL,
    [ProviderDisplayName] nvarchar(max) NULL,
    [UserId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
    CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [AspNetUserRoles] (
    [UserId] uniqueidentifier NOT NULL,
    [RoleId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
    CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [AspNetUserTokens] (
    [UserId] uniqueidentifier NOT NULL,
    [LoginProvider] nvarchar(450) NOT NULL,
    [Name] nvarchar(450) NOT NULL,
    [Value] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
    CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [idempotency_records] (
    [UserId] uniqueidentifier NOT NULL,
    [Key] nvarchar(200) NOT NULL,
    [RequestHash] nchar(64) NOT NULL,
    [StatusCode] int NOT NULL,
    [ResponseBody] nvarchar(max) NOT NULL,
    [Location] nvarchar(500) NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    CONSTRAINT [PK_idempotency_records] PRIMARY KEY ([UserId], [Key]),
    CONSTRAINT [FK_idempotency_records_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [referral_drafts] (
    [Id] uniqueidentifier NOT NULL,
    [OwnerUserId] uniqueidentifier NOT NULL,
    [Answers] nvarchar(max) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [SubmittedReferralId] uniqueidentifier NULL,
    [CompletedSteps] nvarchar(200) NOT NULL,
    CONSTRAINT [PK_referral_drafts] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_referral_drafts_AspNetUsers_OwnerUserId] FOREIGN KEY ([OwnerUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [children] (
    [Id] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [GivenName] nvarchar(100) NOT NULL,
    [FamilyName] nvarchar(100) NOT NULL,
    [PreferredName] nvarchar(100) NULL,
    [DateOfBirth] date NOT NULL,
    [Sex] nvarchar(20) NOT NULL,
    [Postcode] nvarchar(10) NULL,
    [PreferredLanguage] nvarchar(20) NOT NULL,
    [NhsNumber] nvarchar(10) NULL,
    [UniquePupilNumber] nvarchar(13) NULL,
    [PncId] nvarchar(20) NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [MergedIntoChildId] uniqueidentifier NULL,
    [MergedAtUtc] datetime2 NULL,
    CONSTRAINT [PK_children] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_children_children_MergedIntoChildId] FOREIGN KEY ([MergedIntoChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_children_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [intervention_kinds] (
    [Id] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [NameEnglish] nvarchar(100) NOT NULL,
    [NameWelsh] nvarchar(100) NOT NULL,
    [SortOrder] int NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [RetiredAtUtc] datetime2 NULL,
    CONSTRAINT [PK_intervention_kinds] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_intervention_kinds_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [team_memberships] (
    [UserId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_team_memberships] PRIMARY KEY ([UserId], [TeamId]),
    CONSTRAINT [FK_team_memberships_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_team_memberships_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [cases] (
    [Id] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [Status] nvarchar(30) NOT NULL,
    [OpenedAtUtc] datetime2 NOT NULL,
    [OpenedByUserId] uniqueidentifier NULL,
    [CaseManagerUserId] uniqueidentifier NULL,
    [AllocatedAtUtc] datetime2 NULL,
    [InterventionType] nvarchar(40) NOT NULL,
    [EnhancedCaseManagement] bit NOT NULL,
    [Engagement] nvarchar(20) NULL,
    [EngagementRecordedOn] date NULL,
    [NextReviewDue] date NULL,
    [ClosedAtUtc] datetime2 NULL,
    [ClosedOn] date NULL,
    [ClosureReason] nvarchar(40) NULL,
    [ExitServices] nvarchar(400) NULL,
    [ExitPlan] nvarchar(4000) NULL,
    [LaterOffending] nvarchar(30) NULL,
    [LaterOffendingRecordedOn] date NULL,
    [Priority] int NOT NULL,
    [Urgent] bit NOT NULL,
    [FirstReferredAtUtc] datetime2 NOT NULL,
    [FirstReferralSource] nvarchar(40) NULL,
    [Reoffending] nvarchar(20) NULL,
    [SeriousHarm] nvarchar(20) NULL,
    [Wellbeing] nvarchar(20) NULL,
    [Weight] int NOT NULL,
    [LastContactOn] date NULL,
    [Version] int NOT NULL,
    CONSTRAINT [PK_cases] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_cases_AspNetUsers_CaseManagerUserId] FOREIGN KEY ([CaseManagerUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_cases_AspNetUsers_OpenedByUserId] FOREIGN KEY ([OpenedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_cases_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_cases_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [child_match_keys] (
    [Key] bigint NOT NULL,
    [SourceId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_child_match_keys] PRIMARY KEY ([SourceId], [Key]),
    CONSTRAINT [FK_child_match_keys_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [child_merges] (
    [Id] uniqueidentifier NOT NULL,
    [SurvivorChildId] uniqueidentifier NOT NULL,
    [MergedChildId] uniqueidentifier NOT NULL,
    [Reason] nvarchar(2000) NOT NULL,
    [MovedReferralIds] nvarchar(max) NOT NULL,
    [MovedCaseIds] nvarchar(max) NOT NULL,
    [MergedAtUtc] datetime2 NOT NULL,
    [MergedByUserId] uniqueidentifier NULL,
    [UndoneAtUtc] datetime2 NULL,
    [UndoneByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_child_merges] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_child_merges_children_MergedChildId] FOREIGN KEY ([MergedChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_child_merges_children_SurvivorChildId] FOREIGN KEY ([SurvivorChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [assessments] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [Number] int NOT NULL,
    [PreviousAssessmentId] uniqueidentifier NULL,
    [Status] nvarchar(20) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [CreatedByUserId] uniqueidentifier NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [SubmittedAtUtc] datetime2 NULL,
    [SubmittedByUserId] uniqueidentifier NULL,
    [ReturnedAtUtc] datetime2 NULL,
    [ReturnComments] nvarchar(4000) NULL,
    [CountersignedAtUtc] datetime2 NULL,
    [CountersignedByUserId] uniqueidentifier NULL,
    [Reoffending] nvarchar(20) NULL,
    [ReoffendingRationale] nvarchar(4000) NULL,
    [ReoffendingEvidence] nvarchar(4000) NULL,
    [SeriousHarm] nvarchar(20) NULL,
    [SeriousHarmRationale] nvarchar(4000) NULL,
    [SeriousHarmEvidence] nvarchar(4000) NULL,
    [Wellbeing] nvarchar(20) NULL,
    [WellbeingRationale] nvarchar(4000) NULL,
    [WellbeingEvidence] nvarchar(4000) NULL,
    [Aln] nvarchar(30) NULL,
    [HasIndividualDevelopmentPlan] bit NOT NULL,
    [SpeechLanguage] nvarchar(20) NULL,
    [Neurodiversity] nvarchar(20) NULL,
    [NeurodiversityNotes] nvarchar(4000) NULL,
    [SchoolAttachment] nvarchar(20) NULL,
    [AttendancePercent] int NULL,
    [FixedTermExclusions] int NOT NULL,
    [PermanentlyExcluded] bit NOT NULL,
    [EducationalPsychologistInvolved] bit NOT NULL,
    [LearningNotes] nvarchar(4000) NULL,
    [Relationships] nvarchar(4000) NULL,
    [Interests] nvarchar(4000) NULL,
    [Aspirations] nvarchar(4000) NULL,
    [ChildView] nvarchar(4000) NULL,
    [ParentView] nvarchar(4000) NULL,
    [Analysis] nvarchar(4000) NULL,
    [Recommendations] nvarchar(4000) NULL,
    [Revision] int NOT NULL,
    CONSTRAINT [PK_assessments] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_assessments_AspNetUsers_CountersignedByUserId] FOREIGN KEY ([CountersignedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_assessments_AspNetUsers_CreatedByUserId] FOREIGN KEY ([CreatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_assessments_AspNetUsers_SubmittedByUserId] FOREIGN KEY ([SubmittedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_assessments_assessments_PreviousAssessmentId] FOREIGN KEY ([PreviousAssessmentId]) REFERENCES [assessments] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_assessments_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_assessments_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_assessments_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [case_allocations] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [CaseManagerUserId] uniqueidentifier NOT NULL,
    [AllocatedAtUtc] datetime2 NOT NULL,
    [AllocatedByUserId] uniqueidentifier NULL,
    [EndedAtUtc] datetime2 NULL,
    CONSTRAINT [PK_case_allocations] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_case_allocations_AspNetUsers_AllocatedByUserId] FOREIGN KEY ([AllocatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_allocations_AspNetUsers_CaseManagerUserId] FOREIGN KEY ([CaseManagerUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_allocations_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [case_members] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [Contribution] nvarchar(200) NOT NULL,
    [AddedAtUtc] datetime2 NOT NULL,
    [AddedByUserId] uniqueidentifier NULL,
    [RemovedAtUtc] datetime2 NULL,
    CONSTRAINT [PK_case_members] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_case_members_AspNetUsers_AddedByUserId] FOREIGN KEY ([AddedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_members_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_members_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [case_notes] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [Category] nvarchar(20) NOT NULL,
    [Visibility] nvarchar(30) NOT NULL,
    [Text] nvarchar(4000) NOT NULL,
    [SearchText] nvarchar(4000) NOT NULL,
    [WrittenAtUtc] datetime2 NOT NULL,
    [WrittenByUserId] uniqueidentifier NOT NULL,
    [EditedAtUtc] datetime2 NULL,
    [EditedByUserId] uniqueidentifier NULL,
    [Revision] int NOT NULL,
    CONSTRAINT [PK_case_notes] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_case_notes_AspNetUsers_EditedByUserId] FOREIGN KEY ([EditedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_notes_AspNetUsers_WrittenByUserId] FOREIGN KEY ([WrittenByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_notes_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_notes_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [case_plans] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [UpdatedByUserId] uniqueidentifier NULL,
    [PublishedVersion] int NOT NULL,
    CONSTRAINT [PK_case_plans] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_case_plans_AspNetUsers_UpdatedByUserId] FOREIGN KEY ([UpdatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_plans_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_plans_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [contacts] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [StartsAtUtc] datetime2 NOT NULL,
    [LengthMinutes] int NOT NULL,
    [Kind] nvarchar(20) NOT NULL,
    [Place] nvarchar(200) NULL,
    [ChildTookPart] bit NOT NULL,
    [ParentsOrCarers] nvarchar(200) NULL,
    [Outcome] nvarchar(20) NOT NULL,
    [CancelledBy] nvarchar(20) NULL,
    [CancelReason] nvarchar(500) NULL,
    [RearrangedToContactId] uniqueidentifier NULL,
    [RearrangedFromContactId] uniqueidentifier NULL,
    [Summary] nvarchar(2000) NULL,
    [SensitiveNotes] nvarchar(4000) NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NOT NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [UpdatedByUserId] uniqueidentifier NOT NULL,
    [Revision] int NOT NULL,
    CONSTRAINT [PK_contacts] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_contacts_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_contacts_AspNetUsers_UpdatedByUserId] FOREIGN KEY ([UpdatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_contacts_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_contacts_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [goals] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [Description] nvarchar(1000) NOT NULL,
    [Owner] nvarchar(20) NOT NULL,
    [OwnerAgency] nvarchar(200) NULL,
    [TargetDate] date NULL,
    [Progress] int NOT NULL,
    [Status] nvarchar(20) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [CreatedByUserId] uniqueidentifier NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [Needs] nvarchar(2000) NULL,
    CONSTRAINT [PK_goals] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_goals_AspNetUsers_CreatedByUserId] FOREIGN KEY ([CreatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_goals_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_goals_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [interventions] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [KindId] uniqueidentifier NOT NULL,
    [ProviderAgencyId] uniqueidentifier NULL,
    [ProviderName] nvarchar(200) NULL,
    [PlannedStart] date NULL,
    [PlannedEnd] date NULL,
    [ActualStart] date NULL,
    [ActualEnd] date NULL,
    [Status] nvarchar(20) NOT NULL,
    [StopReason] nvarchar(1000) NULL,
    [Needs] nvarchar(2000) NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [CreatedByUserId] uniqueidentifier NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [SubmissionKey] uniqueidentifier NULL,
    CONSTRAINT [PK_interventions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_interventions_AspNetUsers_CreatedByUserId] FOREIGN KEY ([CreatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_interventions_agencies_ProviderAgencyId] FOREIGN KEY ([ProviderAgencyId]) REFERENCES [agencies] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_interventions_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_interventions_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_interventions_intervention_kinds_KindId] FOREIGN KEY ([KindId]) REFERENCES [intervention_kinds] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_interventions_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [meetings] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [HeldOn] date NOT NULL,
    [Kind] nvarchar(30) NOT NULL,
    [ChildView] nvarchar(4000) NULL,
    [FamilyView] nvarchar(4000) NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_meetings] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_meetings_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_meetings_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_meetings_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [notifications] (
    [Id] uniqueidentifier NOT NULL,
    [Key] nvarchar(120) NOT NULL,
    [AssessmentId] uniqueidentifier NULL,
    [Kind] nvarchar(30) NOT NULL,
    [RecipientUserId] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [ReviewDue] date NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [ReadAtUtc] datetime2 NULL,
    CONSTRAINT [PK_notifications] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_notifications_AspNetUsers_RecipientUserId] FOREIGN KEY ([RecipientUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_notifications_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [onward_referrals] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [Service] nvarchar(30) NOT NULL,
    [ServiceName] nvarchar(200) NULL,
    [ReferredOn] date NOT NULL,
    [Reason] nvarchar(1000) NULL,
    [Accepted] bit NULL,
    [DecidedOn] date NULL,
    [DeclineReason] nvarchar(1000) NULL,
    [FirstAppointmentOn] date NULL,
    [ClosedOn] date NULL,
    [CloseReason] nvarchar(1000) NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [CreatedByUserId] uniqueidentifier NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [SubmissionKey] uniqueidentifier NULL,
    CONSTRAINT [PK_onward_referrals] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_onward_referrals_AspNetUsers_CreatedByUserId] FOREIGN KEY ([CreatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_onward_referrals_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_onward_referrals_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_onward_referrals_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [referrals] (
    [Id] uniqueidentifier NOT NULL,
    [Reference] nvarchar(20) NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NULL,
    [CaseId] uniqueidentifier NULL,
    [Source] nvarchar(40) NOT NULL,
    [ReferrerName] nvarchar(200) NOT NULL,
    [ReferrerAgencyId] uniqueidentifier NULL,
    [ReferrerPhone] nvarchar(40) NULL,
    [ReferrerEmail] nvarchar(254) NULL,
    [PoliceOccurrenceReference] nvarchar(50) NULL,
    [Concerns] nvarchar(max) NOT NULL,
    [Reason] nvarchar(4000) NULL,
    [Urgency] nvarchar(20) NOT NULL,
    [Consent] nvarchar(30) NOT NULL,
    [LawfulBasis] nvarchar(30) NOT NULL,
    [Status] nvarchar(40) NOT NULL,
    [ChildGivenName] nvarchar(100) NOT NULL,
    [ChildFamilyName] nvarchar(100) NOT NULL,
    [ChildPreferredName] nvarchar(100) NULL,
    [ChildDateOfBirth] date NOT NULL,
    [ChildSex] nvarchar(20) NOT NULL,
    [ChildPostcode] nvarchar(10) NULL,
    [ChildPreferredLanguage] nvarchar(20) NOT NULL,
    [ChildNhsNumber] nvarchar(10) NULL,
    [ChildUniquePupilNumber] nvarchar(13) NULL,
    [ChildPncId] nvarchar(20) NULL,
    [ChildAddress] nvarchar(500) NULL,
    [ChildSchool] nvarchar(200) NULL,
    [ParentsOrCarers] nvarchar(1000) NULL,
    [ReceivedAtUtc] datetime2 NOT NULL,
    [SubmittedByUserId] uniqueidentifier NULL,
    [SensitiveNotes] nvarchar(max) NULL,
    [SubmissionKey] nvarchar(120) NULL,
    [OutcomeReason] nvarchar(2000) NULL,
    [DecidedAtUtc] datetime2 NULL,
    [DecidedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_referrals] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_referrals_AspNetUsers_DecidedByUserId] FOREIGN KEY ([DecidedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_referrals_AspNetUsers_SubmittedByUserId] FOREIGN KEY ([SubmittedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_referrals_agencies_ReferrerAgencyId] FOREIGN KEY ([ReferrerAgencyId]) REFERENCES [agencies] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_referrals_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_referrals_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_referrals_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [reviews] (
    [Id] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [HeldOn] date NOT NULL,
    [WhatIsWorking] nvarchar(4000) NULL,
    [ChildView] nvarchar(4000) NULL,
    [FamilyView] nvarchar(4000) NULL,
    [Recommendations] nvarchar(4000) NULL,
    [Decision] nvarchar(20) NOT NULL,
    [NextReviewDue] date NOT NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_reviews] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_reviews_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_reviews_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_reviews_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [timeline_entries] (
    [Id] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NULL,
    [OccurredOn] date NOT NULL,
    [DateIsApproximate] bit NOT NULL,
    [Category] nvarchar(30) NOT NULL,
    [Kind] nvarchar(30) NOT NULL,
    [Title] nvarchar(200) NULL,
    [Notes] nvarchar(4000) NULL,
    [Detail] nvarchar(100) NULL,
    [Visibility] nvarchar(30) NOT NULL,
    [RecordedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] uniqueidentifier NULL,
    [WithdrawnAtUtc] datetime2 NULL,
    [WithdrawnReason] nvarchar(1000) NULL,
    CONSTRAINT [PK_timeline_entries] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_timeline_entries_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_timeline_entries_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_timeline_entries_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [assessment_adversities] (
    [Id] uniqueidentifier NOT NULL,
    [AssessmentId] uniqueidentifier NOT NULL,
    [Adversity] nvarchar(40) NOT NULL,
    [Answer] nvarchar(20) NULL,
    [NotAskedReason] nvarchar(1000) NULL,
    [Source] nvarchar(200) NULL,
    [RecordedOn] date NULL,
    [Notes] nvarchar(4000) NULL,
    CONSTRAINT [PK_assessment_adversities] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_assessment_adversities_assessments_AssessmentId] FOREIGN KEY ([AssessmentId]) REFERENCES [assessments] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [assessment_areas] (
    [Id] uniqueidentifier NOT NULL,
    [AssessmentId] uniqueidentifier NOT NULL,
    [Area] nvarchar(40) NOT NULL,
    [Strengths] nvarchar(4000) NULL,
    [Needs] nvarchar(4000) NULL,
    [Marker] nvarchar(20) NULL,
    CONSTRAINT [PK_assessment_areas] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_assessment_areas_assessments_AssessmentId] FOREIGN KEY ([AssessmentId]) REFERENCES [assessments] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [case_note_versions] (
    [Id] uniqueidentifier NOT NULL,
    [NoteId] uniqueidentifier NOT NULL,
    [Revision] int NOT NULL,
    [Category] nvarchar(20) NOT NULL,
    [Visibility] nvarchar(30) NOT NULL,
    [Text] nvarchar(4000) NOT NULL,
    [WrittenAtUtc] datetime2 NOT NULL,
    [WrittenByUserId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_case_note_versions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_case_note_versions_AspNetUsers_WrittenByUserId] FOREIGN KEY ([WrittenByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_case_note_versions_case_notes_NoteId] FOREIGN KEY ([NoteId]) REFERENCES [case_notes] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [plan_exit_supports] (
    [Id] uniqueidentifier NOT NULL,
    [PlanId] uniqueidentifier NOT NULL,
    [Kind] nvarchar(20) NOT NULL,
    [Service] nvarchar(40) NULL,
    [Name] nvarchar(200) NULL,
    [WhatTheyDo] nvarchar(500) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    CONSTRAINT [PK_plan_exit_supports] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_plan_exit_supports_case_plans_PlanId] FOREIGN KEY ([PlanId]) REFERENCES [case_plans] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [plan_my_items] (
    [Id] uniqueidentifier NOT NULL,
    [PlanId] uniqueidentifier NOT NULL,
    [Section] nvarchar(20) NOT NULL,
    [Text] nvarchar(300) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    CONSTRAINT [PK_plan_my_items] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_plan_my_items_case_plans_PlanId] FOREIGN KEY ([PlanId]) REFERENCES [case_plans] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [plan_versions] (
    [Id] uniqueidentifier NOT NULL,
    [PlanId] uniqueidentifier NOT NULL,
    [CaseId] uniqueidentifier NOT NULL,
    [Number] int NOT NULL,
    [Content] nvarchar(max) NOT NULL,
    [PublishedAtUtc] datetime2 NOT NULL,
    [PublishedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_plan_versions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_plan_versions_AspNetUsers_PublishedByUserId] FOREIGN KEY ([PublishedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_plan_versions_case_plans_PlanId] FOREIGN KEY ([PlanId]) REFERENCES [case_plans] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_plan_versions_cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [cases] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [contact_professionals] (
    [Id] uniqueidentifier NOT NULL,
    [ContactId] uniqueidentifier NOT NULL,
    [Position] int NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Agency] nvarchar(200) NOT NULL,
    CONSTRAINT [PK_contact_professionals] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_contact_professionals_contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [contacts] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [contact_workers] (
    [ContactId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_contact_workers] PRIMARY KEY ([ContactId], [UserId]),
    CONSTRAINT [FK_contact_workers_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_contact_workers_contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [contacts] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [contact_goals] (
    [ContactId] uniqueidentifier NOT NULL,
    [GoalId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_contact_goals] PRIMARY KEY ([ContactId], [GoalId]),
    CONSTRAINT [FK_contact_goals_contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [contacts] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_contact_goals_goals_GoalId] FOREIGN KEY ([GoalId]) REFERENCES [goals] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [intervention_goals] (
    [InterventionId] uniqueidentifier NOT NULL,
    [GoalId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_intervention_goals] PRIMARY KEY ([InterventionId], [GoalId]),
    CONSTRAINT [FK_intervention_goals_goals_GoalId] FOREIGN KEY ([GoalId]) REFERENCES [goals] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_intervention_goals_interventions_InterventionId] FOREIGN KEY ([InterventionId]) REFERENCES [interventions] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [intervention_sessions] (
    [InterventionId] uniqueidentifier NOT NULL,
    [ContactId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_intervention_sessions] PRIMARY KEY ([InterventionId], [ContactId]),
    CONSTRAINT [FK_intervention_sessions_contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [contacts] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_intervention_sessions_interventions_InterventionId] FOREIGN KEY ([InterventionId]) REFERENCES [interventions] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [meeting_attendees] (
    [Id] uniqueidentifier NOT NULL,
    [MeetingId] uniqueidentifier NOT NULL,
    [Number] int NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Agency] nvarchar(200) NOT NULL,
    [Role] nvarchar(200) NULL,
    [SentApologies] bit NOT NULL,
    CONSTRAINT [PK_meeting_attendees] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_meeting_attendees_meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [meetings] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [meeting_decisions] (
    [Id] uniqueidentifier NOT NULL,
    [MeetingId] uniqueidentifier NOT NULL,
    [Number] int NOT NULL,
    [Text] nvarchar(500) NOT NULL,
    [OwnerAgency] nvarchar(200) NOT NULL,
    [OwnerPerson] nvarchar(200) NULL,
    [DueOn] date NOT NULL,
    [ActionId] uniqueidentifier NULL,
    CONSTRAINT [PK_meeting_decisions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_meeting_decisions_meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [meetings] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [plan_actions] (
    [Id] uniqueidentifier NOT NULL,
    [PlanId] uniqueidentifier NOT NULL,
    [What] nvarchar(500) NOT NULL,
    [OwnerAgency] nvarchar(200) NOT NULL,
    [OwnerPerson] nvarchar(200) NULL,
    [DueOn] date NOT NULL,
    [State] nvarchar(20) NOT NULL,
    [StateChangedAtUtc] datetime2 NOT NULL,
    [DroppedReason] nvarchar(500) NULL,
    [Needs] nvarchar(2000) NULL,
    [MeetingId] uniqueidentifier NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [CreatedByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_plan_actions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_plan_actions_AspNetUsers_CreatedByUserId] FOREIGN KEY ([CreatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_plan_actions_case_plans_PlanId] FOREIGN KEY ([PlanId]) REFERENCES [case_plans] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_plan_actions_meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [meetings] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [outgoing_emails] (
    [Id] uniqueidentifier NOT NULL,
    [NotificationId] uniqueidentifier NULL,
    [To] nvarchar(320) NOT NULL,
    [Subject] nvarchar(200) NOT NULL,
    [Body] nvarchar(4000) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [NextAttemptAtUtc] datetime2 NOT NULL,
    [Attempts] int NOT NULL,
    [LeaseId] uniqueidentifier NULL,
    [LeaseExpiresAtUtc] datetime2 NULL,
    [SentAtUtc] datetime2 NULL,
    [GaveUpAtUtc] datetime2 NULL,
    [LastError] nvarchar(1000) NULL,
    CONSTRAINT [PK_outgoing_emails] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_outgoing_emails_notifications_NotificationId] FOREIGN KEY ([NotificationId]) REFERENCES [notifications] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [break_glass_accesses] (
    [Id] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [ReferralId] uniqueidentifier NOT NULL,
    [TeamId] uniqueidentifier NOT NULL,
    [Reason] nvarchar(1000) NOT NULL,
    [GrantedAtUtc] datetime2 NOT NULL,
    [ExpiresAtUtc] datetime2 NOT NULL,
    CONSTRAINT [PK_break_glass_accesses] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_break_glass_accesses_referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [referrals] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_break_glass_accesses_teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [teams] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [match_candidates] (
    [Id] uniqueidentifier NOT NULL,
    [ReferralId] uniqueidentifier NOT NULL,
    [ChildId] uniqueidentifier NOT NULL,
    [Score] float NOT NULL,
    [Decision] nvarchar(20) NOT NULL,
    [Explanation] nvarchar(max) NOT NULL,
    [Status] nvarchar(30) NOT NULL,
    [ProposedAtUtc] datetime2 NOT NULL,
    [DecidedAtUtc] datetime2 NULL,
    [DecidedByUserId] uniqueidentifier NULL,
    [DecisionNote] nvarchar(2000) NULL,
    CONSTRAINT [PK_match_candidates] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_match_candidates_children_ChildId] FOREIGN KEY ([ChildId]) REFERENCES [children] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_match_candidates_referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [referrals] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [referral_transitions] (
    [Id] uniqueidentifier NOT NULL,
    [ReferralId] uniqueidentifier NOT NULL,
    [FromStatus] nvarchar(40) NULL,
    [ToStatus] nvarchar(40) NOT NULL,
    [OccurredAtUtc] datetime2 NOT NULL,
    [ByUserId] uniqueidentifier NULL,
    [Note] nvarchar(2000) NULL,
    CONSTRAINT [PK_referral_transitions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_referral_transitions_referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [referrals] ([Id]) ON DELETE NO ACTION
);
GO


CREATE TABLE [review_goal_scores] (
    [Id] uniqueidentifier NOT NULL,
    [ReviewId] uniqueidentifier NOT NULL,
    [GoalId] uniqueidentifier NOT NULL,
    [Progress] int NOT NULL,
    [Status] nvarchar(20) NOT NULL,
    CONSTRAINT [PK_review_goal_scores] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_review_goal_scores_goals_GoalId] FOREIGN KEY ([GoalId]) REFERENCES [goals] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_review_goal_scores_reviews_ReviewId] FOREIGN KEY ([ReviewId]) REFERENCES [reviews] ([Id]) ON DELETE NO ACTION
);
GO


CREATE UNIQUE INDEX [IX_agencies_Name] ON [agencies] ([Name]);
GO


CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
GO


CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL;
GO


CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
GO


CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
GO


CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
GO


CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
GO


CREATE INDEX [IX_AspNetUsers_AgencyId] ON [AspNetUsers] ([AgencyId]);
GO


CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL;
GO


CREATE UNIQUE INDEX [IX_assessment_adversities_AssessmentId_Adversity] ON [assessment_adversities] ([AssessmentId], [Adversity]);
GO


CREATE UNIQUE INDEX [IX_assessment_areas_AssessmentId_Area] ON [assessment_areas] ([AssessmentId], [Area]);
GO


CREATE UNIQUE INDEX [IX_assessments_CaseId_Number] ON [assessments] ([CaseId], [Number]);
GO


CREATE INDEX [IX_assessments_ChildId] ON [assessments] ([ChildId]);
GO


CREATE INDEX [IX_assessments_CountersignedByUserId] ON [assessments] ([CountersignedByUserId]);
GO


CREATE INDEX [IX_assessments_CreatedByUserId] ON [assessments] ([CreatedByUserId]);
GO


CREATE INDEX [IX_assessments_PreviousAssessmentId] ON [assessments] ([PreviousAssessmentId]);
GO


CREATE INDEX [IX_assessments_SubmittedByUserId] ON [assessments] ([SubmittedByUserId]);
GO


CREATE INDEX [IX_assessments_TeamId_Status] ON [assessments] ([TeamId], [Status]);
GO


CREATE INDEX [IX_audit_entries_ChildId_Sequence] ON [audit_entries] ([ChildId], [Sequence]);
GO


CREATE INDEX [IX_audit_entries_EntityType_EntityId] ON [audit_entries] ([EntityType], [EntityId]);
GO


CREATE INDEX [IX_audit_entries_OccurredAtUtc] ON [audit_entries] ([OccurredAtUtc]);
GO


CREATE INDEX [IX_audit_entries_UserId_Sequence] ON [audit_entries] ([UserId], [Sequence]);
GO


CREATE INDEX [IX_break_glass_accesses_ReferralId] ON [break_glass_accesses] ([ReferralId]);
GO


CREATE INDEX [IX_break_glass_accesses_TeamId_GrantedAtUtc] ON [break_glass_accesses] ([TeamId], [GrantedAtUtc]);
GO


CREATE INDEX [IX_break_glass_accesses_UserId_ReferralId_ExpiresAtUtc] ON [break_glass_accesses] ([UserId], [ReferralId], [ExpiresAtUtc]);
GO


CREATE INDEX [IX_case_allocations_AllocatedByUserId] ON [case_allocations] ([AllocatedByUserId]);
GO


CREATE INDEX [IX_case_allocations_CaseId_AllocatedAtUtc] ON [case_allocations] ([CaseId], [AllocatedAtUtc]);
GO


CREATE INDEX [IX_case_allocations_CaseManagerUserId] ON [case_allocations] ([CaseManagerUserId]);
GO


CREATE INDEX [IX_case_members_AddedByUserId] ON [case_members] ([AddedByUserId]);
GO


CREATE INDEX [IX_case_members_CaseId_RemovedAtUtc] ON [case_members] ([CaseId], [RemovedAtUtc]);
GO


CREATE INDEX [IX_case_members_UserId_RemovedAtUtc] ON [case_members] ([UserId], [RemovedAtUtc]);
GO


CREATE UNIQUE INDEX [IX_case_note_versions_NoteId_Revision] ON [case_note_versions] ([NoteId], [Revision]);
GO


CREATE INDEX [IX_case_note_versions_WrittenByUserId] ON [case_note_versions] ([WrittenByUserId]);
GO


CREATE INDEX [IX_case_notes_CaseId_WrittenAtUtc] ON [case_notes] ([CaseId], [WrittenAtUtc]);
GO


CREATE INDEX [IX_case_notes_ChildId] ON [case_notes] ([ChildId]);
GO


CREATE INDEX [IX_case_notes_EditedByUserId] ON [case_notes] ([EditedByUserId]);
GO


CREATE INDEX [IX_case_notes_WrittenByUserId] ON [case_notes] ([WrittenByUserId]);
GO


CREATE UNIQUE INDEX [IX_case_plans_CaseId] ON [case_plans] ([CaseId]);
GO


CREATE INDEX [IX_case_plans_ChildId] ON [case_plans] ([ChildId]);
GO


CREATE INDEX [IX_case_plans_UpdatedByUserId] ON [case_plans] ([UpdatedByUserId]);
GO


CREATE INDEX [IX_cases_CaseManagerUserId_Status] ON [cases] ([CaseManagerUserId], [Status]);
GO


CREATE INDEX [IX_cases_ChildId_Status] ON [cases] ([ChildId], [Status]);
GO


CREATE INDEX [IX_cases_OpenedByUserId] ON [cases] ([OpenedByUserId]);
GO


CREATE INDEX [IX_cases_Status_NextReviewDue] ON [cases] ([Status], [NextReviewDue]);
GO


CREATE INDEX [IX_cases_TeamId_ClosedAtUtc] ON [cases] ([TeamId], [ClosedAtUtc]);
GO


CREATE INDEX [IX_cases_TeamId_Status_CaseManagerUserId_NextReviewDue_Weight] ON [cases] ([TeamId], [Status], [CaseManagerUserId], [NextReviewDue], [Weight]);
GO


CREATE INDEX [IX_cases_TeamId_Status_LastContactOn] ON [cases] ([TeamId], [Status], [LastContactOn], [AllocatedAtUtc], [CaseManagerUserId]);
GO


CREATE INDEX [IX_cases_TeamId_Status_NextReviewDue] ON [cases] ([TeamId], [Status], [NextReviewDue]);
GO


CREATE INDEX [IX_cases_TeamId_Status_Priority_FirstReferredAtUtc] ON [cases] ([TeamId], [Status], [Priority], [FirstReferredAtUtc]);
GO


CREATE INDEX [IX_child_match_keys_ChildId] ON [child_match_keys] ([ChildId]);
GO


CREATE INDEX [IX_child_match_keys_Key_ChildId] ON [child_match_keys] ([Key], [ChildId]);
GO


CREATE INDEX [IX_child_merges_MergedChildId] ON [child_merges] ([MergedChildId]);
GO


CREATE INDEX [IX_child_merges_SurvivorChildId] ON [child_merges] ([SurvivorChildId]);
GO


CREATE INDEX [IX_children_MergedIntoChildId] ON [children] ([MergedIntoChildId]);
GO


CREATE INDEX [IX_children_TeamId_FamilyName_GivenName] ON [children] ([TeamId], [FamilyName], [GivenName]);
GO


CREATE INDEX [IX_contact_goals_GoalId] ON [contact_goals] ([GoalId]);
GO


CREATE INDEX [IX_contact_professionals_ContactId_Position] ON [contact_professionals] ([ContactId], [Position]);
GO


CREATE INDEX [IX_contact_workers_UserId] ON [contact_workers] ([UserId]);
GO


CREATE INDEX [IX_contacts_CaseId_StartsAtUtc] ON [contacts] ([CaseId], [StartsAtUtc]);
GO


CREATE INDEX [IX_contacts_ChildId] ON [contacts] ([ChildId]);
GO


CREATE INDEX [IX_contacts_RecordedByUserId] ON [contacts] ([RecordedByUserId]);
GO


CREATE INDEX [IX_contacts_TeamId_Outcome_StartsAtUtc] ON [contacts] ([TeamId], [Outcome], [StartsAtUtc]);
GO


CREATE INDEX [IX_contacts_UpdatedByUserId] ON [contacts] ([UpdatedByUserId]);
GO


CREATE INDEX [IX_goals_CaseId_CreatedAtUtc] ON [goals] ([CaseId], [CreatedAtUtc]);
GO


CREATE INDEX [IX_goals_ChildId] ON [goals] ([ChildId]);
GO


CREATE INDEX [IX_goals_CreatedByUserId] ON [goals] ([CreatedByUserId]);
GO


CREATE INDEX [IX_idempotency_records_CreatedAtUtc] ON [idempotency_records] ([CreatedAtUtc]);
GO


CREATE INDEX [IX_intervention_goals_GoalId] ON [intervention_goals] ([GoalId]);
GO


CREATE INDEX [IX_intervention_kinds_TeamId_SortOrder] ON [intervention_kinds] ([TeamId], [SortOrder]);
GO


CREATE INDEX [IX_intervention_sessions_ContactId] ON [intervention_sessions] ([ContactId]);
GO


CREATE INDEX [IX_interventions_CaseId_CreatedAtUtc] ON [interventions] ([CaseId], [CreatedAtUtc]);
GO


CREATE UNIQUE INDEX [IX_interventions_CaseId_SubmissionKey] ON [interventions] ([CaseId], [SubmissionKey]) WHERE [SubmissionKey] IS NOT NULL;
GO


CREATE INDEX [IX_interventions_ChildId] ON [interventions] ([ChildId]);
GO


CREATE INDEX [IX_interventions_CreatedByUserId] ON [interventions] ([CreatedByUserId]);
GO


CREATE INDEX [IX_interventions_KindId] ON [interventions] ([KindId]);
GO


CREATE INDEX [IX_interventions_ProviderAgencyId] ON [interventions] ([ProviderAgencyId]);
GO


CREATE INDEX [IX_interventions_TeamId_Status] ON [interventions] ([TeamId], [Status]);
GO


CREATE INDEX [IX_job_runs_JobName_StartedAtUtc] ON [job_runs] ([JobName], [StartedAtUtc]);
GO


CREATE INDEX [IX_match_candidates_ChildId] ON [match_candidates] ([ChildId]);
GO


CREATE UNIQUE INDEX [IX_match_candidates_ReferralId_ChildId] ON [match_candidates] ([ReferralId], [ChildId]);
GO


CREATE INDEX [IX_meeting_attendees_MeetingId] ON [meeting_attendees] ([MeetingId]);
GO


CREATE INDEX [IX_meeting_decisions_MeetingId] ON [meeting_decisions] ([MeetingId]);
GO


CREATE INDEX [IX_meetings_CaseId_HeldOn] ON [meetings] ([CaseId], [HeldOn]);
GO


CREATE INDEX [IX_meetings_ChildId] ON [meetings] ([ChildId]);
GO


CREATE INDEX [IX_meetings_RecordedByUserId] ON [meetings] ([RecordedByUserId]);
GO


CREATE INDEX [IX_notifications_CaseId] ON [notifications] ([CaseId]);
GO


CREATE UNIQUE INDEX [IX_notifications_Key] ON [notifications] ([Key]);
GO


CREATE INDEX [IX_notifications_RecipientUserId_ReadAtUtc_CreatedAtUtc] ON [notifications] ([RecipientUserId], [ReadAtUtc], [CreatedAtUtc]);
GO


CREATE INDEX [IX_onward_referrals_CaseId_ReferredOn] ON [onward_referrals] ([CaseId], [ReferredOn]);
GO


CREATE UNIQUE INDEX [IX_onward_referrals_CaseId_SubmissionKey] ON [onward_referrals] ([CaseId], [SubmissionKey]) WHERE [SubmissionKey] IS NOT NULL;
GO


CREATE INDEX [IX_onward_referrals_ChildId] ON [onward_referrals] ([ChildId]);
GO


CREATE INDEX [IX_onward_referrals_CreatedByUserId] ON [onward_referrals] ([CreatedByUserId]);
GO


CREATE INDEX [IX_onward_referrals_TeamId_ClosedOn_FirstAppointmentOn] ON [onward_referrals] ([TeamId], [ClosedOn], [FirstAppointmentOn]);
GO


CREATE INDEX [IX_outgoing_emails_LeaseId] ON [outgoing_emails] ([LeaseId]);
GO


CREATE UNIQUE INDEX [IX_outgoing_emails_NotificationId] ON [outgoing_emails] ([NotificationId]) WHERE [NotificationId] IS NOT NULL;
GO


CREATE INDEX [IX_outgoing_emails_SentAtUtc_NextAttemptAtUtc] ON [outgoing_emails] ([SentAtUtc], [NextAttemptAtUtc]);
GO


CREATE INDEX [IX_plan_actions_CreatedByUserId] ON [plan_actions] ([CreatedByUserId]);
GO


CREATE INDEX [IX_plan_actions_MeetingId] ON [plan_actions] ([MeetingId]);
GO


CREATE INDEX [IX_plan_actions_PlanId] ON [plan_actions] ([PlanId]);
GO


CREATE INDEX [IX_plan_exit_supports_PlanId] ON [plan_exit_supports] ([PlanId]);
GO


CREATE INDEX [IX_plan_my_items_PlanId] ON [plan_my_items] ([PlanId]);
GO


CREATE INDEX [IX_plan_versions_CaseId] ON [plan_versions] ([CaseId]);
GO


CREATE UNIQUE INDEX [IX_plan_versions_PlanId_Number] ON [plan_versions] ([PlanId], [Number]);
GO


CREATE INDEX [IX_plan_versions_PublishedByUserId] ON [plan_versions] ([PublishedByUserId]);
GO


CREATE INDEX [IX_referral_drafts_OwnerUserId_UpdatedAtUtc] ON [referral_drafts] ([OwnerUserId], [UpdatedAtUtc]);
GO


CREATE INDEX [IX_referral_transitions_ReferralId_OccurredAtUtc] ON [referral_transitions] ([ReferralId], [OccurredAtUtc]);
GO


CREATE INDEX [IX_referrals_CaseId] ON [referrals] ([CaseId]);
GO


CREATE INDEX [IX_referrals_ChildId] ON [referrals] ([ChildId]);
GO


CREATE INDEX [IX_referrals_DecidedByUserId] ON [referrals] ([DecidedByUserId]);
GO


CREATE INDEX [IX_referrals_ReceivedAtUtc] ON [referrals] ([ReceivedAtUtc]);
GO


CREATE UNIQUE INDEX [IX_referrals_Reference] ON [referrals] ([Reference]);
GO


CREATE INDEX [IX_referrals_ReferrerAgencyId] ON [referrals] ([ReferrerAgencyId]);
GO


CREATE INDEX [IX_referrals_Status_ReceivedAtUtc] ON [referrals] ([Status], [ReceivedAtUtc]);
GO


CREATE UNIQUE INDEX [IX_referrals_SubmissionKey] ON [referrals] ([SubmissionKey]) WHERE [SubmissionKey] IS NOT NULL;
GO


CREATE INDEX [IX_referrals_SubmittedByUserId] ON [referrals] ([SubmittedByUserId]);
GO


CREATE INDEX [IX_referrals_TeamId] ON [referrals] ([TeamId]);
GO


CREATE INDEX [IX_review_goal_scores_GoalId] ON [review_goal_scores] ([GoalId]);
GO


CREATE UNIQUE INDEX [IX_review_goal_scores_ReviewId_GoalId] ON [review_goal_scores] ([ReviewId], [GoalId]);
GO


CREATE INDEX [IX_reviews_CaseId_HeldOn] ON [reviews] ([CaseId], [HeldOn]);
GO


CREATE INDEX [IX_reviews_ChildId] ON [reviews] ([ChildId]);
GO


CREATE INDEX [IX_reviews_RecordedByUserId] ON [reviews] ([RecordedByUserId]);
GO


CREATE INDEX [IX_team_memberships_TeamId] ON [team_memberships] ([TeamId]);
GO


CREATE INDEX [IX_teams_AgencyId] ON [teams] ([AgencyId]);
GO


CREATE UNIQUE INDEX [IX_teams_Name] ON [teams] ([Name]);
GO


CREATE INDEX [IX_timeline_entries_CaseId] ON [timeline_entries] ([CaseId]);
GO


CREATE INDEX [IX_timeline_entries_ChildId_OccurredOn] ON [timeline_entries] ([ChildId], [OccurredOn]);
GO


CREATE INDEX [IX_timeline_entries_RecordedByUserId] ON [timeline_entries] ([RecordedByUserId]);
GO

-- The audit trail is append-only: the database itself refuses to change or delete an entry (as 0002 on the others).
CREATE TRIGGER [audit_entries_append_only] ON [audit_entries]
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50000, 'audit_entries is append-only', 1;
END;
GO

-- TRUNCATE fires no trigger on SQL Server, but it is refused on a table that a foreign key refers to: this empty table's
-- key does, so TRUNCATE TABLE audit_entries fails as PostgreSQL's BEFORE TRUNCATE trigger makes it fail there.
CREATE TABLE [audit_entries_truncate_guard] (
    [Sequence] bigint NOT NULL,
    CONSTRAINT [PK_audit_entries_truncate_guard] PRIMARY KEY ([Sequence]),
    CONSTRAINT [FK_audit_entries_truncate_guard_audit_entries_Sequence] FOREIGN KEY ([Sequence]) REFERENCES [audit_entries] ([Sequence])
);
GO
