-- 0033_webhooks: partners' webhook subscriptions and the outbox of their deliveries (issue 23, decision 0064).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE webhook_subscriptions (
    "Id" uuid NOT NULL,
    "PartnerUserId" uuid NOT NULL,
    "Url" character varying(500) NOT NULL,
    "ProtectedSecret" character varying(1000) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "DisabledAtUtc" timestamp with time zone,
    "DisabledByUserId" uuid,
    CONSTRAINT "PK_webhook_subscriptions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_webhook_subscriptions_AspNetUsers_PartnerUserId" FOREIGN KEY ("PartnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE webhook_deliveries (
    "Id" uuid NOT NULL,
    "EventId" uuid NOT NULL,
    "SubscriptionId" uuid NOT NULL,
    "ReferralId" uuid NOT NULL,
    "EventType" character varying(50) NOT NULL,
    "Body" character varying(4000) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "NextAttemptAtUtc" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "LeaseId" uuid,
    "LeaseExpiresAtUtc" timestamp with time zone,
    "DeliveredAtUtc" timestamp with time zone,
    "FailedAtUtc" timestamp with time zone,
    "LastStatusCode" integer,
    "LastError" character varying(500),
    CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES webhook_subscriptions ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_webhook_deliveries_DeliveredAtUtc_FailedAtUtc_NextAttemptAt~" ON webhook_deliveries ("DeliveredAtUtc", "FailedAtUtc", "NextAttemptAtUtc");

CREATE INDEX "IX_webhook_deliveries_EventId" ON webhook_deliveries ("EventId");

CREATE INDEX "IX_webhook_deliveries_LeaseId" ON webhook_deliveries ("LeaseId");

CREATE INDEX "IX_webhook_deliveries_SubscriptionId_CreatedAtUtc" ON webhook_deliveries ("SubscriptionId", "CreatedAtUtc");

CREATE INDEX "IX_webhook_subscriptions_PartnerUserId" ON webhook_subscriptions ("PartnerUserId");
