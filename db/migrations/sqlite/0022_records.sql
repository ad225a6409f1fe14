-- 0022_records: documents kept with a child's record (their rows, and their bytes when the database is the store;
-- decision 0050); the retention schedule and its review queue; and the audit trail's digest of each entry's changes,
-- which the chain seals in place of the changes so that destroying a record can remove them (decision 0051).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "document_contents" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_document_contents" PRIMARY KEY,
    "Content" BLOB NOT NULL
);

CREATE TABLE "documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_documents" PRIMARY KEY,
    "OwnerKind" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "ChildId" TEXT NULL,
    "TeamId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Sensitivity" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "UploadedAtUtc" TEXT NOT NULL,
    "UploadedByUserId" TEXT NULL,
    CONSTRAINT "FK_documents_AspNetUsers_UploadedByUserId" FOREIGN KEY ("UploadedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_documents_ChildId" ON "documents" ("ChildId");
CREATE INDEX "IX_documents_OwnerKind_OwnerId_UploadedAtUtc" ON "documents" ("OwnerKind", "OwnerId", "UploadedAtUtc");
CREATE INDEX "IX_documents_UploadedByUserId" ON "documents" ("UploadedByUserId");

ALTER TABLE "audit_entries" ADD "ChangesDigest" TEXT NULL;

CREATE TABLE "retention_rules" (
    "Kind" TEXT NOT NULL CONSTRAINT "PK_retention_rules" PRIMARY KEY,
    "YearsAfter" INTEGER NOT NULL,
    "UntilAge" INTEGER NULL,
    "ChangedAtUtc" TEXT NULL,
    "ChangedByUserId" TEXT NULL,
    CONSTRAINT "FK_retention_rules_AspNetUsers_ChangedByUserId" FOREIGN KEY ("ChangedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "retention_reviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_retention_reviews" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "RecordId" TEXT NOT NULL,
    "ChildId" TEXT NULL,
    "TeamId" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "ListedAtUtc" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "HoldReason" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "DecidedByUserId" TEXT NULL,
    CONSTRAINT "FK_retention_reviews_AspNetUsers_DecidedByUserId" FOREIGN KEY ("DecidedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_retention_reviews_DecidedByUserId" ON "retention_reviews" ("DecidedByUserId");
CREATE UNIQUE INDEX "IX_retention_reviews_RecordId" ON "retention_reviews" ("RecordId");
CREATE INDEX "IX_retention_reviews_TeamId_State_DueOn" ON "retention_reviews" ("TeamId", "State", "DueOn");
CREATE INDEX "IX_retention_rules_ChangedByUserId" ON "retention_rules" ("ChangedByUserId");

-- The trail stays append-only but for one change: a destroyed record's entries lose their changes (set to NULL) where
-- the chain seals the changes' digest rather than the changes; every other column must stay as it was.
DROP TRIGGER "audit_entries_no_update";

CREATE TRIGGER "audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
WHEN NOT (
    NEW."Changes" IS NULL AND OLD."ChangesDigest" IS NOT NULL
    AND NEW."Sequence" IS OLD."Sequence" AND NEW."OccurredAtUtc" IS OLD."OccurredAtUtc" AND NEW."UserId" IS OLD."UserId"
    AND NEW."UserName" IS OLD."UserName" AND NEW."Action" IS OLD."Action" AND NEW."EntityType" IS OLD."EntityType"
    AND NEW."EntityId" IS OLD."EntityId" AND NEW."ChildId" IS OLD."ChildId" AND NEW."IpAddress" IS OLD."IpAddress"
    AND NEW."Reason" IS OLD."Reason" AND NEW."PreviousHash" IS OLD."PreviousHash" AND NEW."Hash" IS OLD."Hash"
    AND NEW."KeyId" IS OLD."KeyId" AND NEW."ChangesDigest" IS OLD."ChangesDigest")
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

CREATE TABLE "subject_access_requests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_subject_access_requests" PRIMARY KEY,
    "ChildId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "ReceivedAtUtc" TEXT NOT NULL,
    "ReceivedByUserId" TEXT NULL,
    "Redactions" TEXT NULL,
    "ReleasedAtUtc" TEXT NULL,
    "ReleasedByUserId" TEXT NULL,
    CONSTRAINT "FK_subject_access_requests_AspNetUsers_ReceivedByUserId" FOREIGN KEY ("ReceivedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_subject_access_requests_AspNetUsers_ReleasedByUserId" FOREIGN KEY ("ReleasedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_subject_access_requests_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_subject_access_requests_ChildId" ON "subject_access_requests" ("ChildId");
CREATE INDEX "IX_subject_access_requests_ReceivedByUserId" ON "subject_access_requests" ("ReceivedByUserId");
CREATE INDEX "IX_subject_access_requests_ReleasedByUserId" ON "subject_access_requests" ("ReleasedByUserId");
CREATE INDEX "IX_subject_access_requests_TeamId_DueOn" ON "subject_access_requests" ("TeamId", "DueOn");

CREATE TABLE "processing_restrictions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_processing_restrictions" PRIMARY KEY,
    "ChildId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RestrictedAtUtc" TEXT NOT NULL,
    "RestrictedByUserId" TEXT NULL,
    "LiftedAtUtc" TEXT NULL,
    "LiftedByUserId" TEXT NULL,
    "LiftReason" TEXT NULL,
    CONSTRAINT "FK_processing_restrictions_AspNetUsers_LiftedByUserId" FOREIGN KEY ("LiftedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_processing_restrictions_AspNetUsers_RestrictedByUserId" FOREIGN KEY ("RestrictedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_processing_restrictions_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_processing_restrictions_ChildId_LiftedAtUtc" ON "processing_restrictions" ("ChildId", "LiftedAtUtc");
CREATE INDEX "IX_processing_restrictions_LiftedByUserId" ON "processing_restrictions" ("LiftedByUserId");
CREATE INDEX "IX_processing_restrictions_RestrictedByUserId" ON "processing_restrictions" ("RestrictedByUserId");
