-- 0027_team_attendance_days: /team/work (issue 17) added up a year of the team's attended and missed contacts by the
-- case manager of each contact's case on every view: 336,000 contacts joined to their cases at 100,000 children, over
-- its 100 ms target even read from the index of 0026. The figure is now kept per team, case manager (the empty id for
-- a case nobody holds) and day in UTC, changed by the save that records, corrects or moves a contact or reallocates a
-- case (decision 0056), and filled here from the contacts already recorded.
-- Table generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE team_attendance_days (
    "TeamId" uuid NOT NULL,
    "CaseManagerUserId" uuid NOT NULL,
    "Day" date NOT NULL,
    "Attended" integer NOT NULL,
    "DidNotAttend" integer NOT NULL,
    CONSTRAINT "PK_team_attendance_days" PRIMARY KEY ("TeamId", "CaseManagerUserId", "Day")
);

-- Starts are timestamps with time zone: the day is taken in UTC, as the page's periods are.
INSERT INTO team_attendance_days ("TeamId", "CaseManagerUserId", "Day", "Attended", "DidNotAttend")
SELECT c."TeamId", COALESCE(k."CaseManagerUserId", '00000000-0000-0000-0000-000000000000'), (c."StartsAtUtc" AT TIME ZONE 'UTC')::date,
       count(*) FILTER (WHERE c."Outcome" = 'Attended'), count(*) FILTER (WHERE c."Outcome" = 'DidNotAttend')
FROM contacts AS c
INNER JOIN cases AS k ON k."Id" = c."CaseId"
WHERE c."Outcome" IN ('Attended', 'DidNotAttend')
GROUP BY 1, 2, 3;
