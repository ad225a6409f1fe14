"""Strings of sign-in through the council's identity provider (English, Welsh; docs/decisions/0045).
Read by tools/resources.py."""

T = {
    "AuditAction.SignedIn": ("Signed in through the council", "Wedi mewngofnodi drwy'r cyngor"),
    "AuditAction.SignInRefused": ("Council sign-in refused", "Mewngofnodi drwy'r cyngor wedi'i wrthod"),
    "CouncilSignIn.Button": ("Sign in with {0}", "Mewngofnodi gyda {0}"),
    "CouncilSignIn.Or": ("Or sign in with your email address and password", "Neu mewngofnodwch gyda'ch cyfeiriad e-bost a'ch cyfrinair"),
    "CouncilSignIn.LocalOff": (
        "This service uses your council account. Sign in with it below.",
        "Mae'r gwasanaeth hwn yn defnyddio eich cyfrif cyngor. Mewngofnodwch gydag ef isod.",
    ),
    "CouncilSignIn.RefusedTitle": ("You cannot sign in to this service", "Ni allwch fewngofnodi i'r gwasanaeth hwn"),
    "CouncilSignIn.Refused.NoAccount": (
        "Your council account was recognised, but there is no account in this service for your email address. Ask your team's administrator to create one for you.",
        "Cafodd eich cyfrif cyngor ei adnabod, ond nid oes cyfrif yn y gwasanaeth hwn ar gyfer eich cyfeiriad e-bost. Gofynnwch i weinyddwr eich tîm greu un i chi.",
    ),
    "CouncilSignIn.Refused.NoEmail": (
        "Your council account did not tell this service your email address. Ask your administrator to check how the service is registered with your council.",
        "Ni ddywedodd eich cyfrif cyngor wrth y gwasanaeth hwn beth yw eich cyfeiriad e-bost. Gofynnwch i'ch gweinyddwr wirio sut mae'r gwasanaeth wedi'i gofrestru gyda'ch cyngor.",
    ),
    "CouncilSignIn.Refused.Deactivated": (
        "Your account in this service has been deactivated. Ask your administrator if you think this is wrong.",
        "Mae eich cyfrif yn y gwasanaeth hwn wedi'i ddadactifadu. Gofynnwch i'ch gweinyddwr os ydych chi'n meddwl bod hyn yn anghywir.",
    ),
    "CouncilSignIn.Refused.PartnerSystem": (
        "This account is for a partner system and cannot sign in to the website.",
        "Mae'r cyfrif hwn ar gyfer system bartner ac ni all fewngofnodi i'r wefan.",
    ),
    "CouncilSignIn.Refused.Failed": (
        "Signing in with your council account did not finish. Try again.",
        "Ni orffennodd mewngofnodi gyda'ch cyfrif cyngor. Rhowch gynnig arall arni.",
    ),
    "CouncilSignIn.TryAgain": ("Go back to sign in", "Yn ôl i fewngofnodi"),
}
