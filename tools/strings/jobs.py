"""Strings of the background jobs page: who started a run, the weights and re-keying jobs, and each job's summary in words and numbers (docs/decisions/0083, 0089; English, Welsh). Read by tools/resources.py."""

T = {
    'Job.match-keys': ('Re-keying children for matching', 'Rhoi allweddi paru newydd i blant'),
    'Job.matching-weights': ('Re-estimating the matching weights', 'Ail-amcangyfrif y pwysau paru'),
    'Jobs.ByHand': ('Manual', 'Â llaw'),
    'Jobs.ByHandOf': ('Manual: {0}', 'Â llaw: {0}'),
    'Jobs.BySchedule': ('Schedule', 'Amserlen'),
    'Jobs.ChildrenWaiting': ("Children waiting for today's matching keys", "Plant sy'n aros am allweddi paru heddiw"),
    'Jobs.HowItRuns': ('How it runs', "Sut mae'n rhedeg"),
    'Jobs.MatchKeysWhen': ('Runs when the app starts and children are waiting, not on a schedule. Until a child is re-keyed, referrals find them by the keys they hold.', "Mae'n rhedeg pan fydd yr ap yn dechrau a phlant yn aros, nid ar amserlen. Hyd nes y caiff plentyn allweddi newydd, mae atgyfeiriadau'n dod o hyd iddo drwy'r allweddi sydd ganddo."),
    'Jobs.MatchingPageLink': ('Go to the matching weights page', "Mynd i'r dudalen pwysau paru"),
    'Jobs.MatchingWeightsWhen': ('An administrator starts it from the matching weights page, not a schedule. The weights it learns are only proposed: nothing changes until they are activated there.', "Mae gweinyddwr yn ei dechrau o'r dudalen pwysau paru, nid ar amserlen. Dim ond cynnig y pwysau y mae'n eu dysgu y mae: does dim yn newid nes iddynt gael eu rhoi ar waith yno."),
    'MatchKeys.AllKeyed': ('Every child has the matching keys of scheme {0}.', 'Mae gan bob plentyn allweddi paru cynllun {0}.'),
    'MatchKeys.LastRun': ('Last run of the matching-keys job: started {0}, {1}', 'Rhediad diwethaf y dasg allweddi paru: dechreuwyd {0}, {1}'),
    'MatchKeys.Title': ('Matching keys', 'Allweddi paru'),
    'MatchKeys.ToKey': ('{0} children are still to be given the matching keys of scheme {1}. A background job is doing this; until it reaches a child, referrals find them by the keys they already have.', "Mae {0} o blant eto i gael allweddi paru cynllun {1}. Mae tasg gefndir yn gwneud hyn; hyd nes y bydd yn cyrraedd plentyn, mae atgyfeiriadau'n dod o hyd iddo drwy'r allweddi sydd ganddo eisoes."),
}

# Job summaries, looked up by their English words (JobSummary.Texts, docs/decisions/0089).
VALIDATION = {
    'Too few children to learn from ({0}, at least {1} needed); the weights in use stay': "Dim digon o blant i ddysgu ohonynt ({0}, mae angen o leiaf {1}); mae'r pwysau sy'n cael eu defnyddio yn aros",
    'Weights version {0} proposed, learned from {1} children and {2} candidate pairs': "Cynigiwyd fersiwn {0} o'r pwysau, wedi'i dysgu o {1} o blant a {2} o barau posibl",
    '{0} cases with a review due or overdue; {1} reminders created, {2} already sent; {3} e-mails queued': "Achosion ag adolygiad yn ddyledus neu'n hwyr: {0}; nodiadau atgoffa wedi'u creu: {1}, wedi'u hanfon eisoes: {2}; negeseuon e-bost yn y ciw: {3}",
    '{0} children given the matching keys of scheme {1}': 'Plant a gafodd allweddi paru cynllun {1}: {0}',
    '{0} e-mails sent, {1} failed (to be tried again), {2} given up': "Negeseuon e-bost wedi'u hanfon: {0}; wedi methu (i'w rhoi cynnig arall arnynt): {1}; wedi rhoi'r gorau iddynt: {2}",
    '{0} records past their retention date listed for review': "Cofnodion heibio'u dyddiad cadw wedi'u rhestru i'w hadolygu: {0}",
    '{0} unfinished drafts deleted': "Drafftiau anorffenedig wedi'u dileu: {0}",
    '{0} webhooks delivered, {1} failed (to be tried again), {2} given up': "Webhooks wedi'u danfon: {0}; wedi methu (i'w rhoi cynnig arall arnynt): {1}; wedi rhoi'r gorau iddynt: {2}",
}
