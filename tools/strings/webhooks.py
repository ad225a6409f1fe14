"""Strings of partners' webhooks (English, Welsh; docs/decisions/0064). Read by tools/resources.py."""

T = {
    "Clients.Scope.webhooks:manage": ("Manage its webhook addresses", "Rheoli ei chyfeiriadau webhook"),
    "Job.webhook-dispatch": ("Send webhooks to partner systems", "Anfon webhooks i systemau partner"),
    "Webhooks.Title": ("Webhooks", "Bachau gwe"),
    "Webhooks.Intro": (
        "Partner systems register addresses to be told when the team accepts, signposts or declines a referral they sent. Each event is retried for about 8 hours, then marked failed; the partner can still read it from the changes feed.",
        "Mae systemau partner yn cofrestru cyfeiriadau i gael gwybod pan fydd y tîm yn derbyn, yn cyfeirio neu'n gwrthod atgyfeiriad a anfonwyd ganddynt. Rhoddir cynnig arall ar bob digwyddiad am tua 8 awr, yna caiff ei nodi fel un a fethodd; gall y partner ei ddarllen o hyd o'r ffrwd newidiadau.",
    ),
    "Webhooks.Subscriptions": ("Addresses", "Cyfeiriadau"),
    "Webhooks.NoSubscriptions": ("No partner system has registered an address.", "Nid oes unrhyw system bartner wedi cofrestru cyfeiriad."),
    "Webhooks.Address": ("Address", "Cyfeiriad"),
    "Webhooks.Registered": ("Registered", "Cofrestrwyd"),
    "Webhooks.Waiting": ("Waiting", "Yn aros"),
    "Webhooks.Failed": ("Failed", "Wedi methu"),
    "Webhooks.Disabled": ("Disabled", "Wedi'i analluogi"),
    "Webhooks.Disable": ("Disable", "Analluogi"),
    "Webhooks.Deliveries": ("Delivery log", "Log anfon"),
    "Webhooks.AllDeliveries": ("Show the deliveries to every address", "Dangos yr hyn a anfonwyd i bob cyfeiriad"),
    "Webhooks.NoDeliveries": ("Nothing has been sent yet.", "Nid oes dim wedi'i anfon eto."),
    "Webhooks.Event": ("Event", "Digwyddiad"),
    "Webhooks.Queued": ("Queued", "Ciwiwyd"),
    "Webhooks.Status": ("Status", "Statws"),
    "Webhooks.Attempts": ("Attempts", "Ymdrechion"),
    "Webhooks.NextTry": ("Next try", "Cynnig nesaf"),
    "Webhooks.LastError": ("Last error", "Gwall diwethaf"),
    "WebhookDeliveryState.Waiting": ("Waiting", "Yn aros"),
    "WebhookDeliveryState.Delivered": ("Delivered", "Wedi'i anfon"),
    "WebhookDeliveryState.Failed": ("Failed", "Wedi methu"),
}

VALIDATION = {
    "Enter the address to send events to.": "Rhowch y cyfeiriad i anfon digwyddiadau iddo.",
    "The address must be 500 characters or fewer.": "Rhaid i'r cyfeiriad fod yn 500 nod neu lai.",
    "Enter the full address, starting https://.": "Rhowch y cyfeiriad llawn, yn dechrau https://.",
    "The address must start https://.": "Rhaid i'r cyfeiriad ddechrau https://.",
    "The address must be reachable on the internet, not a private or local one.": "Rhaid i'r cyfeiriad fod ar gael ar y rhyngrwyd, nid un preifat neu leol.",
    "A partner may have 5 webhook addresses at most: remove one first.": "Caiff partner gael 5 cyfeiriad webhook ar y mwyaf: tynnwch un yn gyntaf.",
}
