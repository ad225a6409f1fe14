"""Strings of forms, phone-width lists, charts and the print view (issue 16; English, Welsh). Read by tools/resources.py."""

T = {
    # The family's own page is not the staff service: it is named for what the family came to do.
    # The name of a table's scroll container when the table has no caption to name it.
    "Table.Scroll": ("Table", "Tabl"),
    # An empty chart says so, rather than showing an empty block.
    "Chart.NoneYet": ("None yet", "Dim eto"),
    # A printed record is read, not filled in: its headings do not say "(optional)".
    "Assessment.NotesColumn": ("Notes", "Nodiadau"),
    "Print.Button": ("Print this page", "Argraffu'r dudalen hon"),
    # The team's caseloads and its figures are two tables, so two files: a spreadsheet reads each as one table.
    "Team.DownloadCaseloadsCsv": ("Download the caseloads (CSV)", "Lawrlwytho'r llwythi achosion (CSV)"),
    "Team.DownloadFiguresCsv": ("Download the team's figures (CSV)", "Lawrlwytho ffigurau'r tîm (CSV)"),
    # The adversity section, one part to a page.
    "Assessment.PartOf": ("part {0} of {1}", "rhan {0} o {1}"),
    "Assessment.SaveAndContinue": ("Save and continue", "Cadw a pharhau"),
    "Assessment.KnownFromTimeline": ("The child's timeline already records:", "Mae llinell amser y plentyn eisoes yn cofnodi:"),
    "Assessment.NotesHint": ("Optional", "Dewisol"),
    # Prevention work: most children assessed have not offended, so the judgement is not worded as "re"offending.
    "Assessment.ReoffendingHint": ("For a child who has offended before, the likelihood of offending again", "I blentyn sydd wedi troseddu o'r blaen, y tebygolrwydd o droseddu eto"),
    "Assessment.NotAskedReasonMissing": ("Say why the question about {0} was not asked.", "Dywedwch pam na ofynnwyd y cwestiwn am {0}."),
    "PublicServiceName": ("Support for children and young people", "Cymorth i blant a phobl ifanc"),
}

VALIDATION = {
}
