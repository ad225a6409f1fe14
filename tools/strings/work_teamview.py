"""Strings of the team manager's view of the work (issue 17, point 7): days since the last contact, the team's setting
for flagging a case with none, and the team's figures of the work (English, Welsh)."""

T = {
    "CaseListFilter.NoRecentContact": ("Cases with no recent contact", "Achosion heb gyswllt diweddar"),
    "Cases.SinceContact": ("Days since contact", "Diwrnodau ers cyswllt"),
    "Cases.DaysSinceContact": ("{0} days", "{0} diwrnod"),
    "Cases.NoContactYet": ("{0} days, no contact yet", "{0} diwrnod, dim cyswllt eto"),
    "Cases.NoRecentContactTag": ("No recent contact", "Dim cyswllt diweddar"),
    "Csv.LastContact": ("Last contact", "Cyswllt diwethaf"),
    "Team.NoRecentContact": ("open cases with no contact for more than {0} days", "achos agored heb gyswllt ers mwy na {0} diwrnod"),
    "Team.NoRecentContactMixed": ("open cases with no contact for longer than their team allows", "achos agored heb gyswllt ers yn hirach na'r hyn y mae eu tîm yn ei ganiatáu"),
    "Team.NoRecentContactColumn": ("No recent contact", "Dim cyswllt diweddar"),
    "Team.NoRecentContactOf": ("{0} cases of {1} with no recent contact", "{0} achos gan {1} heb gyswllt diweddar"),
    "TeamSettings.Title": ("Team settings", "Gosodiadau'r tîm"),
    "TeamSettings.Current": ("Current settings", "Y gosodiadau presennol"),
    "TeamSettings.NoContactColumn": ("Flag a case with no contact for longer than (days)", "Tynnu sylw at achos heb gyswllt ers mwy na (diwrnodau)"),
    "TeamSettings.NoContactDays": ("Flag a case with no contact for longer than this many days", "Tynnu sylw at achos heb gyswllt ers mwy na hyn o ddiwrnodau"),
    "TeamSettings.NoContactDaysHint": ("Counted from the last contact the child attended, or from the allocation until the first. From 1 to 90 days; 21 unless you change it.", "Wedi'i gyfrif o'r cyswllt diwethaf y daeth y plentyn iddo, neu o'r dyrannu hyd at y cyntaf. Rhwng 1 a 90 diwrnod; 21 oni bai eich bod yn ei newid."),
    "TeamSettings.Save": ("Save the setting", "Cadw'r gosodiad"),
    "TeamSettings.Saved": ("The setting has been saved", "Mae'r gosodiad wedi'i gadw"),
}

VALIDATION = {
    "The number of days must be a whole number from 1 to 90.": "Rhaid i nifer y diwrnodau fod yn rhif cyfan o 1 i 90.",
}
