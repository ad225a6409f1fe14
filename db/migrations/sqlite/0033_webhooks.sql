-- 0033_webhooks: partners' webhook subscriptions and the outbox of their deliveries (issue 23, decision 0064).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "webhook_subscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_webhook_subscriptions" PRIMARY KEY,
    "PartnerUserId" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "ProtectedSecret" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "DisabledAtUtc" TEXT NULL,
    "DisabledByUserId" TEXT NULL,
    CONSTRAINT "FK_webhook_subscriptions_AspNetUsers_PartnerUserId" FOREIGN KEY ("PartnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "webhook_deliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY,
    "EventId" TEXT NOT NULL,
    "SubscriptionId" TEXT NOT NULL,
    "ReferralId" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "NextAttemptAtUtc" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LeaseId" TEXT NULL,
    "LeaseExpiresAtUtc" TEXT NULL,
    "DeliveredAtUtc" TEXT NULL,
    "FailedAtUtc" TEXT NULL,
    "LastStatusCode" INTEGER NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "webhook_subscriptions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_webhook_deliveries_DeliveredAtUtc_FailedAtUtc_NextAttemptAtUtc" ON "webhook_deliveries" ("DeliveredAtUtc", "FailedAtUtc", "NextAttemptAtUtc");

CREATE INDEX "IX_webhook_deliveries_EventId" ON "webhook_deliveries" ("EventId");

CREATE INDEX "IX_webhook_deliveries_LeaseId" ON "webhook_deliveries" ("LeaseId");

CREATE INDEX "IX_webhook_deliveries_SubscriptionId_CreatedAtUtc" ON "webhook_deliveries" ("SubscriptionId", "CreatedAtUtc");

CREATE INDEX "IX_webhook_subscriptions_PartnerUserId" ON "webhook_subscriptions" ("PartnerUserId");
