-- 0041_contact_owner: whose the e-mail address and the phone number given for a child are (issue 18, decision 0092):
-- the child's own ("Child") or a parent's or carer's ("ParentOrCarer"), on the referral and on the child. Matching
-- counts an agreeing contact that is the child's own on both records as the child's own evidence; a parent's is the
-- home's. Nullable: older referrals and children did not say, and are read as a parent's or carer's (the safe reading).
-- Written to match the EF model (the migrated-schema test compares them; schema-script --provider PostgreSQL prints it).
-- Never edit a script once applied anywhere; add the next number instead (docs/decisions/0006-sql-migration-scripts.md).

ALTER TABLE referrals ADD COLUMN "ChildEmailOwner" character varying(20);
ALTER TABLE referrals ADD COLUMN "ChildPhoneOwner" character varying(20);

ALTER TABLE children ADD COLUMN "EmailOwner" character varying(20);
ALTER TABLE children ADD COLUMN "PhoneOwner" character varying(20);
