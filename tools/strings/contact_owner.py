"""Whose contact it is: the child's own or a parent's or carer's (docs/decisions/0092; English, Welsh). Read by tools/resources.py."""

T = {
    'ContactOwner.Child': ("The child's own", 'Un y plentyn ei hun'),
    'ContactOwner.NotSaid': ('Not said', 'Heb ddweud'),
    'ContactOwner.ParentOrCarer': ("A parent's or carer's", 'Un rhiant neu ofalwr'),
    'NewReferral.ChildEmailOwner': ('Whose email address is this?', 'Cyfeiriad e-bost pwy yw hwn?'),
    'NewReferral.ChildPhoneOwner': ('Whose telephone number is this?', 'Rhif ffôn pwy yw hwn?'),
    'NewReferral.ContactOwnerHint': ("A child's own email address or number helps us find their records. A parent's or carer's may be shared by brothers and sisters.", "Mae cyfeiriad e-bost neu rif y plentyn ei hun yn ein helpu i ddod o hyd i'w gofnodion. Gall brodyr a chwiorydd rannu cyfeiriad neu rif rhiant neu ofalwr."),
    'Rights.Field.EmailOwner': ('Whose e-mail address', 'E-bost pwy'),
    'Rights.Field.PhoneOwner': ('Whose phone number', 'Rhif ffôn pwy'),
}

VALIDATION = {
    "Select whose email address this is: the child's own, or a parent's or carer's.": 'Dewiswch gyfeiriad e-bost pwy yw hwn: un y plentyn ei hun, neu un rhiant neu ofalwr.',
    "Select whose telephone number this is: the child's own, or a parent's or carer's.": 'Dewiswch rif ffôn pwy yw hwn: un y plentyn ei hun, neu un rhiant neu ofalwr.',
}
