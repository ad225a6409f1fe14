-- 0034_match_parameter_sets: matching weights learned from the register, every version kept (issue 18, decision 0066).
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE match_parameter_sets (
    "Id" uuid NOT NULL,
    "Version" integer NOT NULL,
    "State" character varying(20) NOT NULL,
    "Weights" character varying(20000) NOT NULL,
    "LearnedAtUtc" timestamp with time zone NOT NULL,
    "LearnedByUserId" uuid,
    "Children" integer NOT NULL,
    "CandidatePairs" bigint NOT NULL,
    "RandomPairs" bigint NOT NULL,
    "Iterations" integer NOT NULL,
    "PriorMatchShare" double precision NOT NULL,
    "ActivatedAtUtc" timestamp with time zone,
    "ActivatedByUserId" uuid,
    "RetiredAtUtc" timestamp with time zone,
    "DiscardedAtUtc" timestamp with time zone,
    "DiscardedByUserId" uuid,
    CONSTRAINT "PK_match_parameter_sets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_match_parameter_sets_AspNetUsers_ActivatedByUserId" FOREIGN KEY ("ActivatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_match_parameter_sets_AspNetUsers_DiscardedByUserId" FOREIGN KEY ("DiscardedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_match_parameter_sets_AspNetUsers_LearnedByUserId" FOREIGN KEY ("LearnedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_match_parameter_sets_ActivatedByUserId" ON match_parameter_sets ("ActivatedByUserId");

CREATE INDEX "IX_match_parameter_sets_DiscardedByUserId" ON match_parameter_sets ("DiscardedByUserId");

CREATE INDEX "IX_match_parameter_sets_LearnedByUserId" ON match_parameter_sets ("LearnedByUserId");

CREATE INDEX "IX_match_parameter_sets_State" ON match_parameter_sets ("State");

CREATE UNIQUE INDEX "IX_match_parameter_sets_Version" ON match_parameter_sets ("Version");
