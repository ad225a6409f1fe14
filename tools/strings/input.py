"""Strings of the checks every request and every connection passes (English, Welsh). Read by tools/resources.py."""

T = {
    "Error.400.Title": ("Sorry, the service could not read what was sent", "Mae'n ddrwg gennym, nid oedd y gwasanaeth yn gallu darllen yr hyn a anfonwyd"),
    "Error.400.Body": ("Go back, check what you entered and try again.", "Ewch yn ôl, gwiriwch yr hyn a roesoch a rhowch gynnig arall arni."),
    "Error.421.Title": ("Use the secure address of this service", "Defnyddiwch gyfeiriad diogel y gwasanaeth hwn"),
    "Error.421.Body": ("The address you used starts with http://. Use the same address starting with https:// instead. If that does not work, tell the people who run the service.", "Mae'r cyfeiriad a ddefnyddiwyd gennych yn dechrau gyda http://. Defnyddiwch yr un cyfeiriad yn dechrau gyda https:// yn lle hynny. Os nad yw hynny'n gweithio, rhowch wybod i'r bobl sy'n rhedeg y gwasanaeth."),
}

VALIDATION = {
    "The list must not have an empty item.": "Ni ddylai'r rhestr gynnwys eitem wag.",
    "The date must be between 1900 and 2199.": "Rhaid i'r dyddiad fod rhwng 1900 a 2199.",
    "The agency does not exist.": "Nid yw'r asiantaeth yn bodoli.",
}
