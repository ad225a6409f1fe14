-- 0029_referral_evidence: what a referral tells about the child, kept so that matching can weigh it (issue 18, decision
-- 0058): the home address as parts (house number or name, street, town; the postcode was already apart), an e-mail
-- address and a telephone number of the child or of a parent or carer, the parents' or carers' names (one a line),
-- and another identifier with the kind of body that issued it; on the referral and on the child registered from it
-- (the child also keeps the school). All nullable: older referrals and children simply lack them.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider SqlServer
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE [referrals] ADD [ChildHouseNumberOrName] nvarchar(100) NULL;
ALTER TABLE [referrals] ADD [ChildStreet] nvarchar(200) NULL;
ALTER TABLE [referrals] ADD [ChildTown] nvarchar(100) NULL;
ALTER TABLE [referrals] ADD [ChildEmail] nvarchar(254) NULL;
ALTER TABLE [referrals] ADD [ChildPhone] nvarchar(40) NULL;
ALTER TABLE [referrals] ADD [ChildOtherIdentifier] nvarchar(50) NULL;
ALTER TABLE [referrals] ADD [ChildOtherIdentifierIssuer] nvarchar(30) NULL;
ALTER TABLE [referrals] ADD [ParentOrCarerNames] nvarchar(500) NULL;
GO

ALTER TABLE [children] ADD [HouseNumberOrName] nvarchar(100) NULL;
ALTER TABLE [children] ADD [Street] nvarchar(200) NULL;
ALTER TABLE [children] ADD [Town] nvarchar(100) NULL;
ALTER TABLE [children] ADD [School] nvarchar(200) NULL;
ALTER TABLE [children] ADD [ParentOrCarerNames] nvarchar(500) NULL;
ALTER TABLE [children] ADD [Email] nvarchar(254) NULL;
ALTER TABLE [children] ADD [Phone] nvarchar(40) NULL;
ALTER TABLE [children] ADD [OtherIdentifier] nvarchar(50) NULL;
ALTER TABLE [children] ADD [OtherIdentifierIssuer] nvarchar(30) NULL;
GO
