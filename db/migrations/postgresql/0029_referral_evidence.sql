-- 0029_referral_evidence: what a referral tells about the child, kept so that matching can weigh it (issue 18, decision
-- 0058): the home address as parts (house number or name, street, town; the postcode was already apart), an e-mail
-- address and a telephone number of the child or of a parent or carer, the parents' or carers' names (one a line),
-- and another identifier with the kind of body that issued it; on the referral and on the child registered from it
-- (the child also keeps the school). All nullable: older referrals and children simply lack them.
-- Generated from the EF model with: dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE referrals ADD COLUMN "ChildHouseNumberOrName" character varying(100);
ALTER TABLE referrals ADD COLUMN "ChildStreet" character varying(200);
ALTER TABLE referrals ADD COLUMN "ChildTown" character varying(100);
ALTER TABLE referrals ADD COLUMN "ChildEmail" character varying(254);
ALTER TABLE referrals ADD COLUMN "ChildPhone" character varying(40);
ALTER TABLE referrals ADD COLUMN "ChildOtherIdentifier" character varying(50);
ALTER TABLE referrals ADD COLUMN "ChildOtherIdentifierIssuer" character varying(30);
ALTER TABLE referrals ADD COLUMN "ParentOrCarerNames" character varying(500);

ALTER TABLE children ADD COLUMN "HouseNumberOrName" character varying(100);
ALTER TABLE children ADD COLUMN "Street" character varying(200);
ALTER TABLE children ADD COLUMN "Town" character varying(100);
ALTER TABLE children ADD COLUMN "School" character varying(200);
ALTER TABLE children ADD COLUMN "ParentOrCarerNames" character varying(500);
ALTER TABLE children ADD COLUMN "Email" character varying(254);
ALTER TABLE children ADD COLUMN "Phone" character varying(40);
ALTER TABLE children ADD COLUMN "OtherIdentifier" character varying(50);
ALTER TABLE children ADD COLUMN "OtherIdentifierIssuer" character varying(30);
