"""Strings of the evidence of who a child is, on the child's rights page (docs/decisions/0083; English, Welsh). Read by tools/resources.py."""

T = {
    'Rights.EvidenceHeading': ('What matching compares', "Yr hyn y mae paru'n ei gymharu"),
    'Rights.EvidenceIntro': ("Finding the child's other records compares these too. Correct what is wrong; leave a field blank to remove what is held.", "Mae dod o hyd i gofnodion eraill y plentyn yn cymharu'r rhain hefyd. Cywirwch yr hyn sy'n anghywir; gadewch faes yn wag i ddileu'r hyn a gedwir."),
    'Rights.Field.Email': ('E-mail address', 'Cyfeiriad e-bost'),
    'Rights.Field.HouseNumberOrName': ('House number or name', "Rhif neu enw'r tŷ"),
    'Rights.Field.OtherIdentifier': ('Other identifier', 'Dynodydd arall'),
    'Rights.Field.OtherIdentifierIssuer': ('Who issued the other identifier', 'Pwy roddodd y dynodydd arall'),
    'Rights.Field.ParentOrCarerNames': ("Parents' or carers' names", "Enwau'r rhieni neu'r gofalwyr"),
    'Rights.Field.Phone': ('Phone number', 'Rhif ffôn'),
    'Rights.Field.School': ('School or college', 'Ysgol neu goleg'),
    'Rights.Field.Street': ('Street', 'Stryd'),
    'Rights.Field.Town': ('Town or village', 'Tref neu bentref'),
    'Rights.IssuedBy': ('Issued by: {0}', "Wedi'i roi gan: {0}"),
    'Rights.NoIssuer': ('None: no other identifier', 'Dim: dim dynodydd arall'),
}
