-- 0015_remove_quartz_tables: the background jobs moved from Quartz.NET to Hangfire (docs/decisions/0026-jobs-on-hangfire.md).
-- Quartz created its own tables (the QRTZ_* tables, at the first start with jobs on); nothing reads them any more.
-- Children before parents (triggers refer to job details; the kinds of trigger refer to triggers). A database that
-- never ran jobs has none of them: IF EXISTS.
-- Hand-written: the EF model never held these tables.
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

DROP TABLE IF EXISTS "QRTZ_FIRED_TRIGGERS";
DROP TABLE IF EXISTS "QRTZ_EXECUTION_HISTORY";
DROP TABLE IF EXISTS "QRTZ_MISFIRE_HISTORY";
DROP TABLE IF EXISTS "QRTZ_JOB_STATUS";
DROP TABLE IF EXISTS "QRTZ_SIMPLE_TRIGGERS";
DROP TABLE IF EXISTS "QRTZ_CRON_TRIGGERS";
DROP TABLE IF EXISTS "QRTZ_SIMPROP_TRIGGERS";
DROP TABLE IF EXISTS "QRTZ_BLOB_TRIGGERS";
DROP TABLE IF EXISTS "QRTZ_TRIGGERS";
DROP TABLE IF EXISTS "QRTZ_JOB_DETAILS";
DROP TABLE IF EXISTS "QRTZ_CALENDARS";
DROP TABLE IF EXISTS "QRTZ_LOCKS";
DROP TABLE IF EXISTS "QRTZ_PAUSED_TRIGGER_GRPS";
DROP TABLE IF EXISTS "QRTZ_PAUSED_JOB_GRPS";
DROP TABLE IF EXISTS "QRTZ_SCHEDULER_STATE";
