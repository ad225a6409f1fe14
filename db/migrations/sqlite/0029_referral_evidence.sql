-- 0029_referral_evidence: what a referral tells about the child, kept so that matching can weigh it (issue 18, decision
-- 0058): the home address as parts (house number or name, street, town; the postcode was already apart), an e-mail
-- address and a telephone number of the child or of a parent or carer, the parents' or carers' names (one a line),
-- and another identifier with the kind of body that issued it; on the referral and on the child registered from it
-- (the child also keeps the school). All nullable: older referrals and children simply lack them.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider Sqlite
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE "referrals" ADD COLUMN "ChildHouseNumberOrName" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildStreet" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildTown" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildEmail" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildPhone" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildOtherIdentifier" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ChildOtherIdentifierIssuer" TEXT NULL;
ALTER TABLE "referrals" ADD COLUMN "ParentOrCarerNames" TEXT NULL;

ALTER TABLE "children" ADD COLUMN "HouseNumberOrName" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "Street" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "Town" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "School" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "ParentOrCarerNames" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "Email" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "Phone" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "OtherIdentifier" TEXT NULL;
ALTER TABLE "children" ADD COLUMN "OtherIdentifierIssuer" TEXT NULL;
