"""Strings of the checks every request and every connection passes (English, Welsh). Read by tools/resources.py."""

T = {
    "Error.400.Title": ("Sorry, the service could not read what was sent", "Mae'n ddrwg gennym, nid oedd y gwasanaeth yn gallu darllen yr hyn a anfonwyd"),
    "Error.400.Body": ("Go back, check what you entered and try again.", "Ewch yn ôl, gwiriwch yr hyn a roesoch a rhowch gynnig arall arni."),
    "Error.421.Title": ("Use the secure address of this service", "Defnyddiwch gyfeiriad diogel y gwasanaeth hwn"),
    # MVC's own messages for a value in an address or form it cannot read (a page number "abc"), in the reader's language.
    "ModelBinding.AttemptedValueIsInvalid": ("The value '{0}' is not valid for {1}.", "Nid yw'r gwerth '{0}' yn ddilys ar gyfer {1}."),
    "ModelBinding.NonPropertyAttemptedValueIsInvalid": ("The value '{0}' is not valid.", "Nid yw'r gwerth '{0}' yn ddilys."),
    "ModelBinding.ValueIsInvalid": ("The value '{0}' is invalid.", "Mae'r gwerth '{0}' yn annilys."),
    "ModelBinding.UnknownValueIsInvalid": ("The supplied value is invalid for {0}.", "Mae'r gwerth a roddwyd yn annilys ar gyfer {0}."),
    "ModelBinding.NonPropertyUnknownValueIsInvalid": ("The supplied value is invalid.", "Mae'r gwerth a roddwyd yn annilys."),
    "ModelBinding.ValueMustBeANumber": ("The field {0} must be a number.", "Rhaid i'r maes {0} fod yn rhif."),
    "ModelBinding.NonPropertyValueMustBeANumber": ("The field must be a number.", "Rhaid i'r maes fod yn rhif."),
    "ModelBinding.MissingKeyOrValue": ("A value is required.", "Mae angen gwerth."),
    "Error.421.Body": ("The address you used starts with http://. Use the same address starting with https:// instead. If that does not work, tell the people who run the service.", "Mae'r cyfeiriad a ddefnyddiwyd gennych yn dechrau gyda http://. Defnyddiwch yr un cyfeiriad yn dechrau gyda https:// yn lle hynny. Os nad yw hynny'n gweithio, rhowch wybod i'r bobl sy'n rhedeg y gwasanaeth."),
}

VALIDATION = {
    "The list must not have an empty item.": "Ni ddylai'r rhestr gynnwys eitem wag.",
    "The date must be between 1900 and 2199.": "Rhaid i'r dyddiad fod rhwng 1900 a 2199.",
    "The agency does not exist.": "Nid yw'r asiantaeth yn bodoli.",
}
