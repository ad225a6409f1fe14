-- 0017_contacts_and_case_notes: the work with the child (issue 17, points 1 and 4). Contacts (sessions) with their
-- workers, the professionals who took part and the goals they served; case notes with the wording before each edit.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "case_notes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_notes" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Visibility" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "WrittenAtUtc" TEXT NOT NULL,
    "WrittenByUserId" TEXT NOT NULL,
    "EditedAtUtc" TEXT NULL,
    "EditedByUserId" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_case_notes_AspNetUsers_EditedByUserId" FOREIGN KEY ("EditedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_notes_AspNetUsers_WrittenByUserId" FOREIGN KEY ("WrittenByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_notes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_notes_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "contacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_contacts" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "StartsAtUtc" TEXT NOT NULL,
    "LengthMinutes" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Place" TEXT NULL,
    "ChildTookPart" INTEGER NOT NULL,
    "ParentsOrCarers" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "CancelledBy" TEXT NULL,
    "CancelReason" TEXT NULL,
    "RearrangedToContactId" TEXT NULL,
    "RearrangedFromContactId" TEXT NULL,
    "Summary" TEXT NULL,
    "SensitiveNotes" TEXT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "UpdatedByUserId" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_contacts_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contacts_AspNetUsers_UpdatedByUserId" FOREIGN KEY ("UpdatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contacts_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contacts_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "case_note_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_note_versions" PRIMARY KEY,
    "NoteId" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Visibility" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "WrittenAtUtc" TEXT NOT NULL,
    "WrittenByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_case_note_versions_AspNetUsers_WrittenByUserId" FOREIGN KEY ("WrittenByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_note_versions_case_notes_NoteId" FOREIGN KEY ("NoteId") REFERENCES "case_notes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "contact_professionals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_contact_professionals" PRIMARY KEY,
    "ContactId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Agency" TEXT NOT NULL,
    CONSTRAINT "FK_contact_professionals_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "contacts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "contact_workers" (
    "ContactId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_contact_workers" PRIMARY KEY ("ContactId", "UserId"),
    CONSTRAINT "FK_contact_workers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contact_workers_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "contacts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "contact_goals" (
    "ContactId" TEXT NOT NULL,
    "GoalId" TEXT NOT NULL,
    CONSTRAINT "PK_contact_goals" PRIMARY KEY ("ContactId", "GoalId"),
    CONSTRAINT "FK_contact_goals_contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_contact_goals_goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "goals" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_case_note_versions_NoteId_Revision" ON "case_note_versions" ("NoteId", "Revision");

CREATE INDEX "IX_case_note_versions_WrittenByUserId" ON "case_note_versions" ("WrittenByUserId");

CREATE INDEX "IX_case_notes_CaseId_WrittenAtUtc" ON "case_notes" ("CaseId", "WrittenAtUtc");

CREATE INDEX "IX_case_notes_ChildId" ON "case_notes" ("ChildId");

CREATE INDEX "IX_case_notes_EditedByUserId" ON "case_notes" ("EditedByUserId");

CREATE INDEX "IX_case_notes_WrittenByUserId" ON "case_notes" ("WrittenByUserId");

CREATE INDEX "IX_contact_goals_GoalId" ON "contact_goals" ("GoalId");

CREATE INDEX "IX_contact_professionals_ContactId_Position" ON "contact_professionals" ("ContactId", "Position");

CREATE INDEX "IX_contact_workers_UserId" ON "contact_workers" ("UserId");

CREATE INDEX "IX_contacts_CaseId_StartsAtUtc" ON "contacts" ("CaseId", "StartsAtUtc");

CREATE INDEX "IX_contacts_ChildId" ON "contacts" ("ChildId");

CREATE INDEX "IX_contacts_RecordedByUserId" ON "contacts" ("RecordedByUserId");

CREATE INDEX "IX_contacts_TeamId_Outcome_StartsAtUtc" ON "contacts" ("TeamId", "Outcome", "StartsAtUtc");

CREATE INDEX "IX_contacts_UpdatedByUserId" ON "contacts" ("UpdatedByUserId");
