"""A failed job's run in words (docs/decisions/0095; English, Welsh). Read by tools/resources.py."""

T = {
    "Jobs.FailedKind": (
        "Failed: {0}. The application log has the exception's types and where it happened, under run {1}.",
        "Wedi methu: {0}. Mae mathau'r eithriad a ble digwyddodd yng nghofnod y rhaglen, o dan rediad {1}.",
    ),
    "JobFailureKind.Database": ("the database could not be reached or refused the work", "nid oedd modd cyrraedd y gronfa ddata, neu fe wrthododd y gwaith"),
    "JobFailureKind.Timeout": ("something it waited for took too long", "cymerodd rywbeth yr oedd yn aros amdano ormod o amser"),
    "JobFailureKind.Network": ("a server it needed did not answer", "nid atebodd gweinydd yr oedd ei angen"),
    "JobFailureKind.Email": ("the e-mail server did not accept a message", "ni dderbyniodd y gweinydd e-bost neges"),
    "JobFailureKind.Unexpected": ("a fault in the application", "nam yn y rhaglen"),
}
