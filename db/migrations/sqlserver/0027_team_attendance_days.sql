-- 0027_team_attendance_days: /team/work (issue 17) added up a year of the team's attended and missed contacts by the
-- case manager of each contact's case on every view: 336,000 contacts joined to their cases at 100,000 children, over
-- its 100 ms target even read from the index of 0026. The figure is now kept per team, case manager (the empty id for
-- a case nobody holds) and day in UTC, changed by the save that records, corrects or moves a contact or reallocates a
-- case (decision 0056), and filled here from the contacts already recorded.
-- Table generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider SqlServer
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE [team_attendance_days] (
    [TeamId] uniqueidentifier NOT NULL,
    [CaseManagerUserId] uniqueidentifier NOT NULL,
    [Day] date NOT NULL,
    [Attended] int NOT NULL,
    [DidNotAttend] int NOT NULL,
    CONSTRAINT [PK_team_attendance_days] PRIMARY KEY ([TeamId], [CaseManagerUserId], [Day])
);
GO

INSERT INTO [team_attendance_days] ([TeamId], [CaseManagerUserId], [Day], [Attended], [DidNotAttend])
SELECT c.[TeamId], COALESCE(k.[CaseManagerUserId], '00000000-0000-0000-0000-000000000000'), CAST(c.[StartsAtUtc] AS date),
       SUM(CASE WHEN c.[Outcome] = 'Attended' THEN 1 ELSE 0 END), SUM(CASE WHEN c.[Outcome] = 'DidNotAttend' THEN 1 ELSE 0 END)
FROM [contacts] AS c
INNER JOIN [cases] AS k ON k.[Id] = c.[CaseId]
WHERE c.[Outcome] IN ('Attended', 'DidNotAttend')
GROUP BY c.[TeamId], COALESCE(k.[CaseManagerUserId], '00000000-0000-0000-0000-000000000000'), CAST(c.[StartsAtUtc] AS date);
GO
