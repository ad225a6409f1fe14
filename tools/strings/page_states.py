"""Strings of the busy page, the administration menu on a phone and empty admin and report pages (decision 0074)."""

T = {
    "Error.503.Title": ("Sorry, the service is busy", "Mae'n ddrwg gennym, mae'r gwasanaeth yn brysur"),
    "Error.503.Body": ("It cannot answer right now because too much is happening at once.", "Ni all ateb ar hyn o bryd gan fod gormod yn digwydd ar unwaith."),
    "Error.503.NothingLost": ("Nothing you have saved has been lost. Try again in a minute.", "Does dim byd rydych chi wedi'i gadw wedi'i golli. Rhowch gynnig arall arni ymhen munud."),
    "Error.503.NotSaved": ("What you sent was not saved, so nothing will be saved twice. Go back and send it again in a minute.", "Ni chafodd yr hyn a anfonoch ei gadw, felly ni fydd dim yn cael ei gadw ddwywaith. Ewch yn ôl a'i anfon eto ymhen munud."),
}

T.update({
    "Admin.Menu": ("Administration menu", "Dewislen weinyddu"),
    "Board.None": ("No meetings of this board have been recorded yet.", "Does dim cyfarfodydd o'r bwrdd hwn wedi'u cofnodi eto."),
    "Fairness.None": ("No work closed in this period, so there is nothing to show.", "Ni chaewyd unrhyw waith yn y cyfnod hwn, felly does dim i'w ddangos."),
})
