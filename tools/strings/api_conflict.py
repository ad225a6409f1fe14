"""The API's answer to a save that clashed on a unique value (docs/decisions/0095; English, Welsh). Read by tools/resources.py."""

# Problem titles and details are looked up by their English words (docs/decisions/0070).
VALIDATION = {
    "The request clashed with another saved at the same moment.": "Roedd y cais yn gwrthdaro ag un arall a gadwyd ar yr un pryd.",
    "Nothing of it was saved. Send it again.": "Ni chadwyd dim ohono. Anfonwch ef eto.",
}
