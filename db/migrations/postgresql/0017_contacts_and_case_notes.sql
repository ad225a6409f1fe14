-- 0017_contacts_and_case_notes: the work with the child (issue 17, points 1 and 4). Contacts (sessions) with their
-- workers, the professionals who took part and the goals they served; case notes with the wording before each edit.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE case_notes (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "Category" character varying(20) NOT NULL,
    "Visibility" character varying(30) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "SearchText" character varying(4000) NOT NULL,
    "WrittenAtUtc" timestamp with time zone NOT NULL,
    "WrittenByUserId" uuid NOT NULL,
    "EditedAtUtc" timestamp with time zone,
    "EditedByUserId" uuid,
    "Revision" integer NOT NULL,
    CONSTRAINT "PK_case_notes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_notes_AspNetUsers_EditedByUserId" FOREIGN KEY ("EditedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_notes_AspNetUsers_WrittenByUserId" FOREIGN KEY ("WrittenByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_notes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_notes_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE contacts (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "StartsAtUtc" timestamp with time zone NOT NULL,
    "LengthMinutes" integer NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Place" character varying(200),
    "ChildTookPart" boolean NOT NULL,
    "ParentsOrCarers" character varying(200),
    "Outcome" character varying(20) NOT NULL,
    "CancelledBy" character varying(20),
    "CancelReason" character varying(500),
    "RearrangedToContactId" uuid,
    "RearrangedFromContactId" uuid,
    "Summary" character varying(2000),
    "SensitiveNotes" character varying(4000),
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid NOT NULL,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    "UpdatedByUserId" uuid NOT NULL,
    "Revision" integer NOT NULL,
    CONSTRAINT "PK_contacts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_contacts_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contacts_AspNetUsers_UpdatedByUserId" FOREIGN KEY ("UpdatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contacts_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contacts_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE TABLE case_note_versions (
    "Id" uuid NOT NULL,
    "NoteId" uuid NOT NULL,
    "Revision" integer NOT NULL,
    "Category" character varying(20) NOT NULL,
    "Visibility" character varying(30) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "WrittenAtUtc" timestamp with time zone NOT NULL,
    "WrittenByUserId" uuid NOT NULL,
    CONSTRAINT "PK_case_note_versions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_note_versions_AspNetUsers_WrittenByUserId" FOREIGN KEY ("WrittenByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_note_versions_case_notes_NoteId" FOREIGN KEY ("NoteId") REFERENCES case_notes ("Id") ON DELETE CASCADE
);

CREATE TABLE contact_professionals (
    "Id" uuid NOT NULL,
    "ContactId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Agency" character varying(200) NOT NULL,
    CONSTRAINT "PK_contact_professionals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_contact_professionals_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES contacts ("Id") ON DELETE CASCADE
);

CREATE TABLE contact_workers (
    "ContactId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    CONSTRAINT "PK_contact_workers" PRIMARY KEY ("ContactId", "UserId"),
    CONSTRAINT "FK_contact_workers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contact_workers_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES contacts ("Id") ON DELETE CASCADE
);

CREATE TABLE contact_goals (
    "ContactId" uuid NOT NULL,
    "GoalId" uuid NOT NULL,
    CONSTRAINT "PK_contact_goals" PRIMARY KEY ("ContactId", "GoalId"),
    CONSTRAINT "FK_contact_goals_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES contacts ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_contact_goals_goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES goals ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_case_note_versions_NoteId_Revision" ON case_note_versions ("NoteId", "Revision");

CREATE INDEX "IX_case_note_versions_WrittenByUserId" ON case_note_versions ("WrittenByUserId");

CREATE INDEX "IX_case_notes_CaseId_WrittenAtUtc" ON case_notes ("CaseId", "WrittenAtUtc");

CREATE INDEX "IX_case_notes_ChildId" ON case_notes ("ChildId");

CREATE INDEX "IX_case_notes_EditedByUserId" ON case_notes ("EditedByUserId");

CREATE INDEX "IX_case_notes_WrittenByUserId" ON case_notes ("WrittenByUserId");

CREATE INDEX "IX_contact_goals_GoalId" ON contact_goals ("GoalId");

CREATE INDEX "IX_contact_professionals_ContactId_Position" ON contact_professionals ("ContactId", "Position");

CREATE INDEX "IX_contact_workers_UserId" ON contact_workers ("UserId");

CREATE INDEX "IX_contacts_CaseId_StartsAtUtc" ON contacts ("CaseId", "StartsAtUtc");

CREATE INDEX "IX_contacts_ChildId" ON contacts ("ChildId");

CREATE INDEX "IX_contacts_RecordedByUserId" ON contacts ("RecordedByUserId");

CREATE INDEX "IX_contacts_TeamId_Outcome_StartsAtUtc" ON contacts ("TeamId", "Outcome", "StartsAtUtc");

CREATE INDEX "IX_contacts_UpdatedByUserId" ON contacts ("UpdatedByUserId");
