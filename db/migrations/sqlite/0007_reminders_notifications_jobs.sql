-- 0007_reminders_notifications_jobs: in-app notifications (each reminder's key unique, so a reminder is created once
-- whoever runs the job and however often), the e-mail outbox with its send lease, and the background jobs' run history.
-- Quartz's own tables (qrtz_*) are not here: the scheduler creates them itself (docs/decisions/0019-scheduled-jobs-on-quartz.md).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "job_runs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_job_runs" PRIMARY KEY,
    "JobName" TEXT NOT NULL,
    "TriggeredBy" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "StartedAtUtc" TEXT NOT NULL,
    "FinishedAtUtc" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "Error" TEXT NULL
);

CREATE TABLE "notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "RecipientUserId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "ReviewDue" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ReadAtUtc" TEXT NULL,
    CONSTRAINT "FK_notifications_AspNetUsers_RecipientUserId" FOREIGN KEY ("RecipientUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_notifications_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "outgoing_emails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_outgoing_emails" PRIMARY KEY,
    "NotificationId" TEXT NULL,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "NextAttemptAtUtc" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LeaseId" TEXT NULL,
    "LeaseExpiresAtUtc" TEXT NULL,
    "SentAtUtc" TEXT NULL,
    "GaveUpAtUtc" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_outgoing_emails_notifications_NotificationId" FOREIGN KEY ("NotificationId") REFERENCES "notifications" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_job_runs_JobName_StartedAtUtc" ON "job_runs" ("JobName", "StartedAtUtc");

CREATE INDEX "IX_notifications_CaseId" ON "notifications" ("CaseId");

CREATE UNIQUE INDEX "IX_notifications_Key" ON "notifications" ("Key");

CREATE INDEX "IX_notifications_RecipientUserId_ReadAtUtc_CreatedAtUtc" ON "notifications" ("RecipientUserId", "ReadAtUtc", "CreatedAtUtc");

CREATE INDEX "IX_outgoing_emails_LeaseId" ON "outgoing_emails" ("LeaseId");

CREATE UNIQUE INDEX "IX_outgoing_emails_NotificationId" ON "outgoing_emails" ("NotificationId");

CREATE INDEX "IX_outgoing_emails_SentAtUtc_NextAttemptAtUtc" ON "outgoing_emails" ("SentAtUtc", "NextAttemptAtUtc");
