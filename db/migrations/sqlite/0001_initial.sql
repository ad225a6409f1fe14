-- 0001_initial: organisation (agencies, teams, memberships), accounts (ASP.NET Core Identity), children and referrals.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

CREATE TABLE "agencies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_agencies" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "AgencyId" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "teams" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_teams" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    CONSTRAINT "FK_teams_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "children" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_children" PRIMARY KEY,
    "TeamId" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "PreferredName" TEXT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "Sex" TEXT NOT NULL,
    "Postcode" TEXT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_children_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "team_memberships" (
    "UserId" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    CONSTRAINT "PK_team_memberships" PRIMARY KEY ("UserId", "TeamId"),
    CONSTRAINT "FK_team_memberships_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_team_memberships_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "referrals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_referrals" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "TeamId" TEXT NOT NULL,
    "ChildId" TEXT NULL,
    "Source" TEXT NOT NULL,
    "ReferrerName" TEXT NOT NULL,
    "ReferrerAgencyId" TEXT NULL,
    "PoliceOccurrenceReference" TEXT NULL,
    "Concerns" TEXT NOT NULL,
    "Urgency" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ChildGivenName" TEXT NOT NULL,
    "ChildFamilyName" TEXT NOT NULL,
    "ChildPreferredName" TEXT NULL,
    "ChildDateOfBirth" TEXT NOT NULL,
    "ChildSex" TEXT NOT NULL,
    "ChildPostcode" TEXT NULL,
    "ChildPreferredLanguage" TEXT NOT NULL,
    "ReceivedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_referrals_agencies_ReferrerAgencyId" FOREIGN KEY ("ReferrerAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "children" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "teams" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_agencies_Name" ON "agencies" ("Name");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_AgencyId" ON "AspNetUsers" ("AgencyId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_children_TeamId_FamilyName_GivenName" ON "children" ("TeamId", "FamilyName", "GivenName");

CREATE INDEX "IX_referrals_ChildId" ON "referrals" ("ChildId");

CREATE INDEX "IX_referrals_ReceivedAtUtc" ON "referrals" ("ReceivedAtUtc");

CREATE UNIQUE INDEX "IX_referrals_Reference" ON "referrals" ("Reference");

CREATE INDEX "IX_referrals_ReferrerAgencyId" ON "referrals" ("ReferrerAgencyId");

CREATE INDEX "IX_referrals_Status_ReceivedAtUtc" ON "referrals" ("Status", "ReceivedAtUtc");

CREATE INDEX "IX_referrals_TeamId" ON "referrals" ("TeamId");

CREATE INDEX "IX_team_memberships_TeamId" ON "team_memberships" ("TeamId");

CREATE INDEX "IX_teams_AgencyId" ON "teams" ("AgencyId");

CREATE UNIQUE INDEX "IX_teams_Name" ON "teams" ("Name");
