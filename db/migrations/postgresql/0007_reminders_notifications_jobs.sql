-- 0007_reminders_notifications_jobs: in-app notifications (each reminder's key unique, so a reminder is created once
-- whoever runs the job and however often), the e-mail outbox with its send lease, and the background jobs' run history.
-- Quartz's own tables (qrtz_*) are not here: the scheduler creates them itself (docs/decisions/0019-scheduled-jobs-on-quartz.md).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE job_runs (
    "Id" uuid NOT NULL,
    "JobName" character varying(60) NOT NULL,
    "TriggeredBy" character varying(60) NOT NULL,
    "InstanceId" character varying(60) NOT NULL,
    "StartedAtUtc" timestamp with time zone NOT NULL,
    "FinishedAtUtc" timestamp with time zone,
    "Outcome" character varying(20) NOT NULL,
    "Summary" character varying(400),
    "Error" character varying(2000),
    CONSTRAINT "PK_job_runs" PRIMARY KEY ("Id")
);

CREATE TABLE notifications (
    "Id" uuid NOT NULL,
    "Key" character varying(120) NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "RecipientUserId" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "ReviewDue" date NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "ReadAtUtc" timestamp with time zone,
    CONSTRAINT "PK_notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_notifications_AspNetUsers_RecipientUserId" FOREIGN KEY ("RecipientUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_notifications_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);

CREATE TABLE outgoing_emails (
    "Id" uuid NOT NULL,
    "NotificationId" uuid,
    "To" character varying(320) NOT NULL,
    "Subject" character varying(200) NOT NULL,
    "Body" character varying(4000) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "NextAttemptAtUtc" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "LeaseId" uuid,
    "LeaseExpiresAtUtc" timestamp with time zone,
    "SentAtUtc" timestamp with time zone,
    "GaveUpAtUtc" timestamp with time zone,
    "LastError" character varying(1000),
    CONSTRAINT "PK_outgoing_emails" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_outgoing_emails_notifications_NotificationId" FOREIGN KEY ("NotificationId") REFERENCES notifications ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_job_runs_JobName_StartedAtUtc" ON job_runs ("JobName", "StartedAtUtc");

CREATE INDEX "IX_notifications_CaseId" ON notifications ("CaseId");

CREATE UNIQUE INDEX "IX_notifications_Key" ON notifications ("Key");

CREATE INDEX "IX_notifications_RecipientUserId_ReadAtUtc_CreatedAtUtc" ON notifications ("RecipientUserId", "ReadAtUtc", "CreatedAtUtc");

CREATE INDEX "IX_outgoing_emails_LeaseId" ON outgoing_emails ("LeaseId");

CREATE UNIQUE INDEX "IX_outgoing_emails_NotificationId" ON outgoing_emails ("NotificationId");

CREATE INDEX "IX_outgoing_emails_SentAtUtc_NextAttemptAtUtc" ON outgoing_emails ("SentAtUtc", "NextAttemptAtUtc");
