"""Strings of the case's work navigation, contacts and case notes (issue 17; English, Welsh). Read by tools/resources.py."""

T = {
    # The case's own navigation: one link per part of the case.
    "Work.Nav.Label": ("Parts of the case", "Rhannau'r achos"),
    "Work.Nav.Overview": ("Overview", "Trosolwg"),
    "Work.Nav.Timeline": ("Timeline", "Llinell amser"),
}

VALIDATION = {
}
