"""Strings of the home page's work list, for each role (English, Welsh). A count has two keys, .One and .Other
(Pages/Shared/Plural.cs); Welsh keeps the singular noun after a numeral, so its two forms are alike."""

T = {
    "Home.YourWork": ("Your work", "Eich gwaith"),
    "Home.MyCases.One": ("case you work on", "achos rydych yn gweithio arno"),
    "Home.MyCases.Other": ("cases you work on", "achos rydych yn gweithio arnynt"),
    "Home.MyReviewsDue.One": ("review due in the next 7 days", "adolygiad yn ddyledus yn y 7 diwrnod nesaf"),
    "Home.MyReviewsDue.Other": ("reviews due in the next 7 days", "adolygiad yn ddyledus yn y 7 diwrnod nesaf"),
    "Home.MyReviewsOverdue.One": ("review overdue", "adolygiad yn hwyr"),
    "Home.MyReviewsOverdue.Other": ("reviews overdue", "adolygiad yn hwyr"),
    "Home.Returned.One": ("assessment returned to you", "asesiad wedi'i ddychwelyd atoch"),
    "Home.Returned.Other": ("assessments returned to you", "asesiad wedi'u dychwelyd atoch"),
    "Home.Drafts.One": ("draft to finish", "drafft i'w orffen"),
    "Home.Drafts.Other": ("drafts to finish", "drafft i'w gorffen"),
    "Home.ReturnedHeading": ("Assessments returned to you with comments", "Asesiadau wedi'u dychwelyd atoch gyda sylwadau"),
    "Home.DraftsHeading": ("Drafts to finish", "Drafftiau i'w gorffen"),
    "Home.AssessmentOf": ("Assessment version {0} for {1}", "Fersiwn {0} o'r asesiad ar gyfer {1}"),
    "Home.ReturnedOn": ("returned {0}", "dychwelwyd {0}"),
    "Home.ChangedOn": ("last changed {0}", "newidiwyd ddiwethaf {0}"),
    "Home.ReferralDraft": ("Referral not sent yet", "Atgyfeiriad heb ei anfon eto"),
    "Home.YourTeam": ("Your team", "Eich tîm"),
    "Home.InScreening.One": ("referral waiting for screening", "atgyfeiriad yn aros i gael ei sgrinio"),
    "Home.InScreening.Other": ("referrals waiting for screening", "atgyfeiriad yn aros i gael eu sgrinio"),
    "Home.AwaitingDuplicate.One": ("referral waiting for a duplicate decision", "atgyfeiriad yn aros am benderfyniad dyblyg"),
    "Home.AwaitingDuplicate.Other": ("referrals waiting for a duplicate decision", "atgyfeiriad yn aros am benderfyniad dyblyg"),
    "Home.ToCountersign.One": ("assessment to countersign", "asesiad i'w gydlofnodi"),
    "Home.ToCountersign.Other": ("assessments to countersign", "asesiad i'w cydlofnodi"),
    "Home.Unallocated.One": ("case without a case manager", "achos heb reolwr achos"),
    "Home.Unallocated.Other": ("cases without a case manager", "achos heb reolwr achos"),
    "Home.TeamReviewsOverdue.One": ("review overdue in the team", "adolygiad yn hwyr yn y tîm"),
    "Home.TeamReviewsOverdue.Other": ("reviews overdue in the team", "adolygiad yn hwyr yn y tîm"),
    "Home.GoToTeam": ("See the team's caseloads and figures", "Gweld llwythi achosion a ffigurau'r tîm"),
    "Home.YourReferrals": ("Referrals you sent", "Atgyfeiriadau a anfonwyd gennych"),
    "Home.NoReferralsSent": ("You have not sent any referrals yet.", "Nid ydych wedi anfon unrhyw atgyfeiriadau eto."),
    "Home.MakeReferral": ("Make a referral", "Gwneud atgyfeiriad"),
    "Home.Sent.Received.One": ("{0} referral received by the team", "{0} atgyfeiriad wedi dod i law'r tîm"),
    "Home.Sent.Received.Other": ("{0} referrals received by the team", "{0} atgyfeiriad wedi dod i law'r tîm"),
    "Home.Sent.AwaitingDuplicateDecision.One": ("{0} referral the team is checking", "{0} atgyfeiriad y mae'r tîm yn ei wirio"),
    "Home.Sent.AwaitingDuplicateDecision.Other": ("{0} referrals the team is checking", "{0} atgyfeiriad y mae'r tîm yn eu gwirio"),
    "Home.Sent.Screening.One": ("{0} referral being screened", "{0} atgyfeiriad yn cael ei sgrinio"),
    "Home.Sent.Screening.Other": ("{0} referrals being screened", "{0} atgyfeiriad yn cael eu sgrinio"),
    "Home.Sent.Accepted.One": ("{0} referral accepted", "{0} atgyfeiriad wedi'i dderbyn"),
    "Home.Sent.Accepted.Other": ("{0} referrals accepted", "{0} atgyfeiriad wedi'u derbyn"),
    "Home.Sent.Signposted.One": ("{0} referral signposted to another service", "{0} atgyfeiriad wedi'i gyfeirio at wasanaeth arall"),
    "Home.Sent.Signposted.Other": ("{0} referrals signposted to another service", "{0} atgyfeiriad wedi'u cyfeirio at wasanaeth arall"),
    "Home.Sent.Declined.One": ("{0} referral declined", "{0} atgyfeiriad wedi'i wrthod"),
    "Home.Sent.Declined.Other": ("{0} referrals declined", "{0} atgyfeiriad wedi'u gwrthod"),
    "Home.Sent.LinkedToExistingChild.One": ("{0} referral added to the child's open case", "{0} atgyfeiriad wedi'i ychwanegu at achos agored y plentyn"),
    "Home.Sent.LinkedToExistingChild.Other": ("{0} referrals added to the child's open case", "{0} atgyfeiriad wedi'u hychwanegu at achos agored y plentyn"),
    "Home.Administration": ("Administration", "Gweinyddu"),
    "Home.AdminUsers": ("Manage user accounts", "Rheoli cyfrifon defnyddwyr"),
    "Home.AdminTeams": ("Manage teams and their review intervals", "Rheoli timau a'u cyfnodau adolygu"),
    "Home.AdminAgencies": ("Manage partner agencies", "Rheoli asiantaethau partner"),
    "Home.AdminJobs": ("See the scheduled jobs", "Gweld y tasgau wedi'u hamserlennu"),
    "Home.Audit": ("Audit", "Archwilio"),
    "Home.AuditExport": ("Export the audit trail", "Allforio'r trywydd archwilio"),
}

T.update({
    "ReferralStatus.BeingChecked": ("Being checked by the team", "Yn cael ei wirio gan y tîm"),
})

# The duplicate decision page (16.6): which side lacks a value, hints in the page's language, the two "not the same" choices.
T.update({
    "Matches.MissingInReferral": ("Not in the referral", "Ddim yn yr atgyfeiriad"),
    "Matches.MissingInRecord": ("Not in the record", "Ddim yn y cofnod"),
    "Matches.MissingInBoth": ("In neither", "Yn y naill na'r llall"),
    "Matches.HintPartialFamily": ("One part of a double-barrelled name agrees.", "Mae un rhan o enw dwbl yn cytuno."),
    "Matches.HintPartialGiven": ("One is the other's middle name, or part of a hyphenated name.", "Mae un yn enw canol y llall, neu'n rhan o enw cysylltnod."),
    "Matches.HintBothValid": ("Both numbers are valid and they differ.", "Mae'r ddau rif yn ddilys ac maen nhw'n wahanol."),
    "Matches.HintOneSlip": ("Both numbers are valid and only two characters apart: most likely one typing slip.", "Mae'r ddau rif yn ddilys a dim ond dau nod yn wahanol: camgymeriad teipio yn fwy na thebyg."),
    "Matches.HintSwapped": ("The first and last names are the wrong way round on one record.", "Mae'r enw cyntaf a'r cyfenw y ffordd anghywir ar un cofnod."),
    "Matches.NoneHeading": ("If none of these children is the child in the referral", "Os nad yw'r un o'r plant hyn yn blentyn yn yr atgyfeiriad"),
    "Matches.NoneText": ("“Not this child” takes one child off the list. When none of them is the child, register a new child: the referral then goes to screening with a new record.", "Mae “Nid y plentyn hwn” yn tynnu un plentyn oddi ar y rhestr. Pan nad yw'r un ohonynt yn blentyn, cofrestrwch blentyn newydd: bydd yr atgyfeiriad wedyn yn mynd i sgrinio gyda chofnod newydd."),
    "Matches.HintPartialAddress": ("The same street, but another house or none given.", "Yr un stryd, ond tŷ arall neu ddim un wedi'i roi."),
    "Matches.HintPartialCarers": ("Only a parent's or carer's first name agrees.", "Dim ond enw cyntaf rhiant neu ofalwr sy'n cytuno."),
    "Matches.HintOtherIssuer": ("Not compared: different bodies issued these identifiers, or one record does not say who issued it.", "Heb eu cymharu: cyrff gwahanol a roddodd y dynodyddion hyn, neu nid yw un cofnod yn dweud pwy a'i rhoddodd."),
})

# The referral's confirmation page (16.6).
T.update({
    "NewReferral.MayBeKnown": ("This child may already be known to the team. Before the referral can be screened, someone must decide whether it is about a child the team already knows.", "Efallai bod y plentyn hwn eisoes yn hysbys i'r tîm. Cyn y gellir sgrinio'r atgyfeiriad, rhaid i rywun benderfynu a yw'n ymwneud â phlentyn y mae'r tîm eisoes yn ei adnabod."),
    "NewReferral.CompareMatches": ("Compare the possible matches", "Cymharu'r cyfatebiaethau posibl"),
    "NewReferral.TeamChecks": ("The team first checks whether they already know the child, then screens the referral.", "Mae'r tîm yn gwirio yn gyntaf a ydynt eisoes yn adnabod y plentyn, ac yna'n sgrinio'r atgyfeiriad."),
})

# Smaller things (16.9).
T.update({
    "Case.NoPractitionerAccounts": ("There is nobody to add yet. Seconded practitioners are staff of partner agencies (police, health, education) who work with the team; an administrator gives each of them an account with the seconded practitioner role, and they then appear here.", "Nid oes neb i'w ychwanegu eto. Ymarferwyr ar secondiad yw staff asiantaethau partner (yr heddlu, iechyd, addysg) sy'n gweithio gyda'r tîm; mae gweinyddwr yn rhoi cyfrif i bob un ohonynt gyda rôl ymarferydd ar secondiad, ac yna maen nhw'n ymddangos yma."),
    "Case.AllPractitionersOnCase": ("Every seconded practitioner with an account is already on this case. An administrator can give another one an account.", "Mae pob ymarferydd ar secondiad sydd â chyfrif eisoes ar yr achos hwn. Gall gweinyddwr roi cyfrif i un arall."),
})

T.update({
    "Reviews.NextReviewEvery": ("Your team reviews cases every {0} days, so that date is filled in; change it if you agreed another with the child and family. For example, 27 3 2027", "Mae eich tîm yn adolygu achosion bob {0} diwrnod, felly mae'r dyddiad hwnnw wedi'i lenwi; newidiwch ef os gwnaethoch gytuno ar un arall gyda'r plentyn a'r teulu. Er enghraifft, 27 3 2027"),
})

# Two-factor sign-in: a QR code, recovery codes and help for a lost phone (16.9).
T.update({
    "TwoFactor.QrAlt": ("QR code for your authenticator app", "Cod QR ar gyfer eich ap dilysu"),
    "TwoFactor.OrTypeKey": ("If you cannot scan it, enter this key in the app instead:", "Os na allwch ei sganio, rhowch yr allwedd hon yn yr ap yn lle hynny:"),
    "TwoFactor.RecoveryTitle": ("Recovery codes", "Codau adfer"),
    "TwoFactor.RecoveryWhy": ("If you lose your phone, or cannot use the app, you can sign in with a recovery code instead. Each code works once.", "Os byddwch yn colli eich ffôn, neu'n methu defnyddio'r ap, gallwch fewngofnodi gyda chod adfer yn lle hynny. Mae pob cod yn gweithio unwaith."),
    "TwoFactor.RecoveryKeep": ("Write these codes down or print this page now, and keep them somewhere safe away from your phone. They will not be shown again, and any codes you made before no longer work.", "Ysgrifennwch y codau hyn neu argraffwch y dudalen hon nawr, a'u cadw yn rhywle diogel i ffwrdd o'ch ffôn. Ni fyddant yn cael eu dangos eto, ac nid yw unrhyw godau a wnaethoch o'r blaen yn gweithio mwyach."),
    "TwoFactor.RecoveryLeft.One": ("You have {0} unused recovery code.", "Mae gennych {0} cod adfer heb ei ddefnyddio."),
    "TwoFactor.RecoveryLeft.Other": ("You have {0} unused recovery codes.", "Mae gennych {0} cod adfer heb eu defnyddio."),
    "TwoFactor.MakeRecoveryCodes": ("Make new recovery codes", "Creu codau adfer newydd"),
    "TwoFactor.ContinueToService": ("Continue to the service", "Parhau i'r gwasanaeth"),
    "TwoFactor.UseRecoveryCode": ("I cannot use my authenticator app", "Ni allaf ddefnyddio fy ap dilysu"),
    "TwoFactor.LostPhoneHelp": ("Sign in with one of the recovery codes you saved when you set up two-factor sign-in. If you have none left, contact your service's system administrator: they will check who you are before you can set up two-factor sign-in again.", "Mewngofnodwch gydag un o'r codau adfer a gadwoch pan wnaethoch osod mewngofnodi dau gam. Os nad oes gennych rai ar ôl, cysylltwch â gweinyddwr system eich gwasanaeth: byddant yn gwirio pwy ydych cyn y gallwch osod mewngofnodi dau gam eto."),
    "TwoFactor.EnterRecoveryCode": ("Use a recovery code", "Defnyddio cod adfer"),
    "TwoFactor.RecoveryCode": ("Recovery code", "Cod adfer"),
    "TwoFactor.RecoveryCodeHint": ("One of the codes you saved, like BCDFG-23456", "Un o'r codau a gadwoch, fel BCDFG-23456"),
    "TwoFactor.RecoveryCodeMissing": ("Enter one of your recovery codes", "Rhowch un o'ch codau adfer"),
    "TwoFactor.RecoveryCodeWrong": ("That recovery code is not right or has been used. Enter another of your codes", "Nid yw'r cod adfer hwnnw'n gywir neu mae wedi'i ddefnyddio. Rhowch un arall o'ch codau"),
    "TwoFactor.UseAppCode": ("Use the code from your app instead", "Defnyddio'r cod o'ch ap yn lle hynny"),
})

# Notifications of each step of an assessment (16.2); {0} is the day of the step.
T.update({
    "Notification.AssessmentSubmitted": ("An assessment in your team was submitted on {0} and is waiting to be countersigned.", "Cafodd asesiad yn eich tîm ei gyflwyno ar {0} ac mae'n aros i gael ei gydlofnodi."),
    "Notification.AssessmentReturned": ("An assessment you submitted was returned with comments on {0}.", "Cafodd asesiad a gyflwynwyd gennych ei ddychwelyd gyda sylwadau ar {0}."),
    "Notification.AssessmentCountersigned": ("An assessment you submitted was countersigned on {0}.", "Cafodd asesiad a gyflwynwyd gennych ei gydlofnodi ar {0}."),
    "Notifications.OpenAssessment": ("Open the assessment", "Agor yr asesiad"),
    "Notifications.OpenAssessmentOf": ("Open the assessment of {0}", "Agor asesiad {0}"),
})

# The referral list's search and filters (16.9).
T.update({
    "Referrals.Count.One": ("{0} referral", "{0} atgyfeiriad"),
    "Referrals.Count.Other": ("{0} referrals", "{0} atgyfeiriad"),
    "Referrals.FilterTitle": ("Find referrals", "Dod o hyd i atgyfeiriadau"),
    "Referrals.Search": ("Reference or child's name", "Cyfeirnod neu enw'r plentyn"),
    "Referrals.SearchHint": ("For example, R-261122-K7QMPT or Ffion Roberts", "Er enghraifft, R-261122-K7QMPT neu Ffion Roberts"),
    "Referrals.AnyStatus": ("Any status", "Unrhyw statws"),
    "Referrals.ReceivedFrom": ("Received on or after", "Wedi dod i law ar neu ar ôl"),
    "Referrals.ReceivedTo": ("Received on or before", "Wedi dod i law ar neu cyn"),
    "Referrals.Apply": ("Find", "Chwilio"),
    "Referrals.Clear": ("Clear the search and filters", "Clirio'r chwiliad a'r hidlwyr"),
})

VALIDATION = {
    "Choose one of the statuses.": "Dewiswch un o'r statwsau.",
    "The last day must be the same as or after the first day.": "Rhaid i'r diwrnod olaf fod yr un fath â'r diwrnod cyntaf neu ar ei ôl.",
    "The first day must be a real date, like 27 3 2026.": "Rhaid i'r diwrnod cyntaf fod yn ddyddiad go iawn, fel 27 3 2026.",
    "The last day must be a real date, like 27 3 2026.": "Rhaid i'r diwrnod olaf fod yn ddyddiad go iawn, fel 27 3 2026.",
}
