"""Strings of partner systems' OAuth clients and council sign-in (English, Welsh; docs/decisions/0044, 0045).
Read by tools/resources.py."""

T = {
    "Api.UseClientCredentials": (
        "Partner systems get their tokens as OAuth clients.",
        "Mae systemau partner yn cael eu tocynnau fel cleientiaid OAuth.",
    ),
    "Api.UseClientCredentialsDetail": (
        "This account's password no longer gets a token. Ask an administrator for a client, then ask /connect/token for a token with the client credentials grant.",
        "Nid yw cyfrinair y cyfrif hwn yn cael tocyn mwyach. Gofynnwch i weinyddwr am gleient, yna gofynnwch i /connect/token am docyn gyda'r grant manylion cleient.",
    ),
    "AuditAction.TokenIssued": ("Token issued", "Tocyn wedi'i roi"),
    "AuditAction.TokenRefused": ("Token refused", "Tocyn wedi'i wrthod"),
    "Clients.Title": ("Partner clients", "Cleientiaid partner"),
    "Clients.Intro": (
        "A partner system (a police or MASH system) signs in to the API as a client of its partner account. Its tokens act as that account, with only the scopes given here.",
        "Mae system bartner (system heddlu neu MASH) yn mewngofnodi i'r API fel cleient o'i chyfrif partner. Mae ei thocynnau'n gweithredu fel y cyfrif hwnnw, gyda'r cwmpasau a roddir yma yn unig.",
    ),
    "Clients.None": ("There are no partner clients yet.", "Does dim cleientiaid partner eto."),
    "Clients.Name": ("Client name", "Enw'r cleient"),
    "Clients.ClientId": ("Client ID", "ID y cleient"),
    "Clients.Secret": ("Client secret", "Cyfrinach y cleient"),
    "Clients.PartnerAccount": ("Partner account", "Cyfrif partner"),
    "Clients.ChooseAccount": ("Choose an account", "Dewiswch gyfrif"),
    "Clients.Scopes": ("What the client may do", "Beth y caiff y cleient ei wneud"),
    "Clients.Scope.referrals:submit": ("Submit referrals", "Anfon atgyfeiriadau"),
    "Clients.Scope.referrals:read": ("Read the referrals it sent", "Darllen yr atgyfeiriadau a anfonodd"),
    "Clients.Actions": ("Actions", "Camau gweithredu"),
    "Clients.Rotate": ("New secret", "Cyfrinach newydd"),
    "Clients.Revoke": ("Revoke", "Dirymu"),
    "Clients.Register": ("Register a client", "Cofrestru cleient"),
    "Clients.PublicKey": ("Partner's public key (optional)", "Allwedd gyhoeddus y partner (dewisol)"),
    "Clients.PublicKeyHint": (
        "To have the partner sign in with a signed assertion (private_key_jwt) instead of a secret, paste its public key in PEM form.",
        "I'r partner fewngofnodi gyda honiad wedi'i lofnodi (private_key_jwt) yn lle cyfrinach, gludwch ei allwedd gyhoeddus ar ffurf PEM.",
    ),
    "Clients.SecretShownOnce": (
        "Give this secret to the partner now, by a secure route. It is shown only this once and cannot be seen again.",
        "Rhowch y gyfrinach hon i'r partner nawr, drwy lwybr diogel. Dim ond unwaith y caiff ei dangos ac ni ellir ei gweld eto.",
    ),
    "Clients.RegisteredWithKey": ("Client registered. Its ID is", "Cleient wedi'i gofrestru. Ei ID yw"),
}

VALIDATION = {
    "Select the partner system's account.": "Dewiswch gyfrif y system bartner.",
    "Enter a name for the client.": "Rhowch enw ar gyfer y cleient.",
    "The client's name must be 100 characters or fewer.": "Rhaid i enw'r cleient fod yn 100 nod neu lai.",
    "Select at least one thing the client may do.": "Dewiswch o leiaf un peth y caiff y cleient ei wneud.",
    "Select only the things listed.": "Dewiswch y pethau a restrir yn unig.",
    "The public key must be 10,000 characters or fewer.": "Rhaid i'r allwedd gyhoeddus fod yn 10,000 nod neu lai.",
    "Select an account with the role Partner system.": "Dewiswch gyfrif gyda'r rôl System bartner.",
    "This client signs in with its own key and has no secret to change.": "Mae'r cleient hwn yn mewngofnodi gyda'i allwedd ei hun ac nid oes ganddo gyfrinach i'w newid.",
    "Enter the partner's public key in PEM form (RSA or EC), beginning -----BEGIN PUBLIC KEY-----.": "Rhowch allwedd gyhoeddus y partner ar ffurf PEM (RSA neu EC), yn dechrau -----BEGIN PUBLIC KEY-----.",
}
