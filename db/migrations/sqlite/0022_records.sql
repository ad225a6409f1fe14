-- 0022_records: documents kept with a child's record (their rows, and their bytes when the database is the store;
-- decision 0050).
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
    CONSTRAINT "FK_documents_AspNetUsers_UploadedByUserId" FOREIGN KEY ("UploadedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_documents_ChildId" ON "documents" ("ChildId");
CREATE INDEX "IX_documents_OwnerKind_OwnerId_UploadedAtUtc" ON "documents" ("OwnerKind", "OwnerId", "UploadedAtUtc");
CREATE INDEX "IX_documents_UploadedByUserId" ON "documents" ("UploadedByUserId");
