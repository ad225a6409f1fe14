-- 0034_match_parameter_sets: matching weights learned from the register, every version kept (issue 18, decision 0066).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "match_parameter_sets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_match_parameter_sets" PRIMARY KEY,
    "Version" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Weights" TEXT NOT NULL,
    "LearnedAtUtc" TEXT NOT NULL,
    "LearnedByUserId" TEXT NULL,
    "Children" INTEGER NOT NULL,
    "CandidatePairs" INTEGER NOT NULL,
    "RandomPairs" INTEGER NOT NULL,
    "Iterations" INTEGER NOT NULL,
    "PriorMatchShare" REAL NOT NULL,
    "ActivatedAtUtc" TEXT NULL,
    "ActivatedByUserId" TEXT NULL,
    "RetiredAtUtc" TEXT NULL,
    "DiscardedAtUtc" TEXT NULL,
    "DiscardedByUserId" TEXT NULL,
    CONSTRAINT "FK_match_parameter_sets_AspNetUsers_ActivatedByUserId" FOREIGN KEY ("ActivatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_match_parameter_sets_AspNetUsers_DiscardedByUserId" FOREIGN KEY ("DiscardedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_match_parameter_sets_AspNetUsers_LearnedByUserId" FOREIGN KEY ("LearnedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_match_parameter_sets_ActivatedByUserId" ON "match_parameter_sets" ("ActivatedByUserId");

CREATE INDEX "IX_match_parameter_sets_DiscardedByUserId" ON "match_parameter_sets" ("DiscardedByUserId");

CREATE INDEX "IX_match_parameter_sets_LearnedByUserId" ON "match_parameter_sets" ("LearnedByUserId");

CREATE INDEX "IX_match_parameter_sets_State" ON "match_parameter_sets" ("State");

CREATE UNIQUE INDEX "IX_match_parameter_sets_Version" ON "match_parameter_sets" ("Version");
