-- 0030_outcomes_reporting: the outcome figures come from dated later offences only (decision 0048), so the single
-- hand-entered "later offending" value of 0009 goes. Nothing of it is carried into later_offences: it held a category
-- and the day it was recorded, never the day of an offence nor its gravity, and an invented offence would count in
-- the Cwm Taf split and the first-time entrants as if it were evidence (decision 0059). Each value recorded is still
-- on the case's timeline ("Later offending recorded").
-- It adds the management board's meetings (board_meetings): which partners' senior members attended, one row per
-- team and day, recorded by an administrator, for the board attendance indicator of the quarterly return.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE cases DROP COLUMN "LaterOffending";
ALTER TABLE cases DROP COLUMN "LaterOffendingRecordedOn";

CREATE TABLE board_meetings (
    "Id" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "HeldOn" date NOT NULL,
    "Attended" character varying(200),
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid,
    CONSTRAINT "PK_board_meetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_board_meetings_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_board_meetings_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES teams ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_board_meetings_RecordedByUserId" ON board_meetings ("RecordedByUserId");
CREATE UNIQUE INDEX "IX_board_meetings_TeamId_HeldOn" ON board_meetings ("TeamId", "HeldOn");
