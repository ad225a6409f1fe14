"""Strings of the audit trail as the auditor reads it, and of counts withheld with the answers they count (English, Welsh)."""

T = {
    "Audit.Withheld": ("Withheld: not shown to auditors", "Wedi'i ddal yn ôl: nid yw'n cael ei ddangos i archwilwyr"),
    "Audit.Checkpoint": ("Signed checkpoint of the end of the trail (keep a copy outside this system):", "Pwynt gwirio wedi'i lofnodi o ddiwedd y trywydd (cadwch gopi y tu allan i'r system hon):"),
    "Assessment.AceCountWithheld": ("Adverse childhood experiences known: withheld, as the count includes answers only the team may see", "Profiadau niweidiol yn ystod plentyndod sy'n hysbys: wedi'i ddal yn ôl, gan fod y cyfrif yn cynnwys atebion mai dim ond y tîm all eu gweld"),
    "Assessment.AcesWithheld": ("Withheld", "Wedi'i ddal yn ôl"),
}
