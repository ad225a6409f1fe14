-- 0022_records: documents kept with a child's record (their rows, and their bytes when the database is the store;
-- decision 0050); the retention schedule and its review queue; and the audit trail's digest of each entry's changes,
-- which the chain seals in place of the changes so that destroying a record can remove them (decision 0051).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE document_contents (
    "Key" character varying(64) NOT NULL,
    "Content" bytea NOT NULL,
    CONSTRAINT "PK_document_contents" PRIMARY KEY ("Key")
);

CREATE TABLE documents (
    "Id" uuid NOT NULL,
    "OwnerKind" character varying(20) NOT NULL,
    "OwnerId" uuid NOT NULL,
    "ChildId" uuid,
    "TeamId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Category" character varying(30) NOT NULL,
    "Sensitivity" character varying(30) NOT NULL,
    "FileName" character varying(120) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Length" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "StorageKey" character varying(64) NOT NULL,
    "UploadedAtUtc" timestamp with time zone NOT NULL,
    "UploadedByUserId" uuid,
    CONSTRAINT "PK_documents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_documents_AspNetUsers_UploadedByUserId" FOREIGN KEY ("UploadedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_documents_ChildId" ON documents ("ChildId");
CREATE INDEX "IX_documents_OwnerKind_OwnerId_UploadedAtUtc" ON documents ("OwnerKind", "OwnerId", "UploadedAtUtc");
CREATE INDEX "IX_documents_UploadedByUserId" ON documents ("UploadedByUserId");

ALTER TABLE audit_entries ADD "ChangesDigest" character(64);

CREATE TABLE retention_rules (
    "Kind" character varying(30) NOT NULL,
    "YearsAfter" integer NOT NULL,
    "UntilAge" integer,
    "ChangedAtUtc" timestamp with time zone,
    "ChangedByUserId" uuid,
    CONSTRAINT "PK_retention_rules" PRIMARY KEY ("Kind"),
    CONSTRAINT "FK_retention_rules_AspNetUsers_ChangedByUserId" FOREIGN KEY ("ChangedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE retention_reviews (
    "Id" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "RecordId" uuid NOT NULL,
    "ChildId" uuid,
    "TeamId" uuid NOT NULL,
    "DueOn" date NOT NULL,
    "ListedAtUtc" timestamp with time zone NOT NULL,
    "State" character varying(20) NOT NULL,
    "HoldReason" character varying(1000),
    "DecidedAtUtc" timestamp with time zone,
    "DecidedByUserId" uuid,
    CONSTRAINT "PK_retention_reviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_retention_reviews_AspNetUsers_DecidedByUserId" FOREIGN KEY ("DecidedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_retention_reviews_DecidedByUserId" ON retention_reviews ("DecidedByUserId");
CREATE UNIQUE INDEX "IX_retention_reviews_RecordId" ON retention_reviews ("RecordId");
CREATE INDEX "IX_retention_reviews_TeamId_State_DueOn" ON retention_reviews ("TeamId", "State", "DueOn");
CREATE INDEX "IX_retention_rules_ChangedByUserId" ON retention_rules ("ChangedByUserId");

-- The trail stays append-only but for one change: a destroyed record's entries lose their changes (set to NULL) where
-- the chain seals the changes' digest rather than the changes; every other column must stay as it was.
CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW."Changes" IS NULL AND OLD."ChangesDigest" IS NOT NULL
        AND (to_jsonb(NEW) - 'Changes') = (to_jsonb(OLD) - 'Changes') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;

CREATE TABLE subject_access_requests (
    "Id" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "ReceivedOn" date NOT NULL,
    "DueOn" date NOT NULL,
    "ReceivedAtUtc" timestamp with time zone NOT NULL,
    "ReceivedByUserId" uuid,
    "Redactions" character varying(4000),
    "ReleasedAtUtc" timestamp with time zone,
    "ReleasedByUserId" uuid,
    CONSTRAINT "PK_subject_access_requests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_subject_access_requests_AspNetUsers_ReceivedByUserId" FOREIGN KEY ("ReceivedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_subject_access_requests_AspNetUsers_ReleasedByUserId" FOREIGN KEY ("ReleasedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_subject_access_requests_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_subject_access_requests_ChildId" ON subject_access_requests ("ChildId");
CREATE INDEX "IX_subject_access_requests_ReceivedByUserId" ON subject_access_requests ("ReceivedByUserId");
CREATE INDEX "IX_subject_access_requests_ReleasedByUserId" ON subject_access_requests ("ReleasedByUserId");
CREATE INDEX "IX_subject_access_requests_TeamId_DueOn" ON subject_access_requests ("TeamId", "DueOn");

CREATE TABLE processing_restrictions (
    "Id" uuid NOT NULL,
    "ChildId" uuid NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "RestrictedAtUtc" timestamp with time zone NOT NULL,
    "RestrictedByUserId" uuid,
    "LiftedAtUtc" timestamp with time zone,
    "LiftedByUserId" uuid,
    "LiftReason" character varying(1000),
    CONSTRAINT "PK_processing_restrictions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_processing_restrictions_AspNetUsers_LiftedByUserId" FOREIGN KEY ("LiftedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_processing_restrictions_AspNetUsers_RestrictedByUserId" FOREIGN KEY ("RestrictedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_processing_restrictions_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES children ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_processing_restrictions_ChildId_LiftedAtUtc" ON processing_restrictions ("ChildId", "LiftedAtUtc");
CREATE INDEX "IX_processing_restrictions_LiftedByUserId" ON processing_restrictions ("LiftedByUserId");
CREATE INDEX "IX_processing_restrictions_RestrictedByUserId" ON processing_restrictions ("RestrictedByUserId");
