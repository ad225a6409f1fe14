-- 0033_webhooks: partners' webhook subscriptions and the outbox of their deliveries (issue 23, decision 0064).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider SqlServer
-- Batches are separated by GO lines, as sqlcmd and SSMS read them.
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE [webhook_subscriptions] (
    [Id] uniqueidentifier NOT NULL,
    [PartnerUserId] uniqueidentifier NOT NULL,
    [Url] nvarchar(500) NOT NULL,
    [ProtectedSecret] nvarchar(1000) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [DisabledAtUtc] datetime2 NULL,
    [DisabledByUserId] uniqueidentifier NULL,
    CONSTRAINT [PK_webhook_subscriptions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_webhook_subscriptions_AspNetUsers_PartnerUserId] FOREIGN KEY ([PartnerUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [webhook_deliveries] (
    [Id] uniqueidentifier NOT NULL,
    [EventId] uniqueidentifier NOT NULL,
    [SubscriptionId] uniqueidentifier NOT NULL,
    [ReferralId] uniqueidentifier NOT NULL,
    [EventType] nvarchar(50) NOT NULL,
    [Body] nvarchar(4000) NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [NextAttemptAtUtc] datetime2 NOT NULL,
    [Attempts] int NOT NULL,
    [LeaseId] uniqueidentifier NULL,
    [LeaseExpiresAtUtc] datetime2 NULL,
    [DeliveredAtUtc] datetime2 NULL,
    [FailedAtUtc] datetime2 NULL,
    [LastStatusCode] int NULL,
    [LastError] nvarchar(500) NULL,
    CONSTRAINT [PK_webhook_deliveries] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_webhook_deliveries_webhook_subscriptions_SubscriptionId] FOREIGN KEY ([SubscriptionId]) REFERENCES [webhook_subscriptions] ([Id]) ON DELETE NO ACTION
);
GO

CREATE INDEX [IX_webhook_deliveries_DeliveredAtUtc_FailedAtUtc_NextAttemptAtUtc] ON [webhook_deliveries] ([DeliveredAtUtc], [FailedAtUtc], [NextAttemptAtUtc]);
GO

CREATE INDEX [IX_webhook_deliveries_EventId] ON [webhook_deliveries] ([EventId]);
GO

CREATE INDEX [IX_webhook_deliveries_LeaseId] ON [webhook_deliveries] ([LeaseId]);
GO

CREATE INDEX [IX_webhook_deliveries_SubscriptionId_CreatedAtUtc] ON [webhook_deliveries] ([SubscriptionId], [CreatedAtUtc]);
GO

CREATE INDEX [IX_webhook_subscriptions_PartnerUserId] ON [webhook_subscriptions] ([PartnerUserId]);
GO
