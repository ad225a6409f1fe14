"""Strings of cases, the child's timeline, goals and reviews (English, Welsh). Read by tools/resources.py."""

T = {
}

VALIDATION = {
}
