-- 0022_records: documents kept with a child's record (their rows, and their bytes when the database is the store;
-- decision 0050).
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
    CONSTRAINT "FK_documents_AspNetUsers_UploadedByUserId" FOREIGN KEY ("UploadedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_documents_ChildId" ON documents ("ChildId");
CREATE INDEX "IX_documents_OwnerKind_OwnerId_UploadedAtUtc" ON documents ("OwnerKind", "OwnerId", "UploadedAtUtc");
CREATE INDEX "IX_documents_UploadedByUserId" ON documents ("UploadedByUserId");
