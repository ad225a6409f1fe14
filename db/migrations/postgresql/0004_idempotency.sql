-- 0004_idempotency: the answers to requests sent with an Idempotency-Key, so a retry never does the work twice.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE idempotency_records (
    "UserId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "RequestHash" character(64) NOT NULL,
    "StatusCode" integer NOT NULL,
    "ResponseBody" text NOT NULL,
    "Location" character varying(500),
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_idempotency_records" PRIMARY KEY ("UserId", "Key"),
    CONSTRAINT "FK_idempotency_records_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_idempotency_records_CreatedAtUtc" ON idempotency_records ("CreatedAtUtc");
