using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.Infrastructure.Seeding;

/// <summary>How much the scale seeder wrote.</summary>
public sealed record ScaleSeedResult(int Children, int Referrals, int Cases, int Assessments, int Reviews, int Contacts, int Interventions, int OnwardReferrals);

/// <summary>
/// A realistic large data set for measuring (issue 7): fictional children of one team, each referred once or twice,
/// most accepted; cases waiting, open (allocated, with goals, reviews, some overdue) or closed (with a reason, an exit
/// plan and sometimes later offending); assessments in every state; the work with each allocated child (issue 17): 1 to
/// 15 contacts (mostly attended, some missed or cancelled), interventions of the team's kinds from several providers
/// (planned, started, completed, stopped) and onward referrals (waiting, accepted, seen, declined); the protected
/// characteristics of most allocated children (issue 19's fairness view). Deterministic for a seed. Written in batches
/// through the domain's own methods, so every rule and timeline entry is as the app would make it.
/// </summary>
public static class ScaleSeeder
{
    private static readonly string[] Given = ["Dafydd", "Ffion", "Tyler", "Megan", "Siôn", "Leah", "Cerys", "Rhys", "Osian", "Lowri", "Gethin", "Seren", "Jac", "Elin", "Harri", "Mali", "Ioan", "Nia", "Callum", "Chloe", "Aled", "Bethan", "Kieran", "Jessica"];
    private static readonly string[] Family = ["Williams", "Roberts", "Jones", "Davies", "Evans", "Thomas", "Lewis", "Hughes", "Morgan", "Griffiths", "Price", "Jenkins", "Owen", "Rees", "Powell", "Watkins", "O'Connor", "Pritchard", "Bowen", "Llewellyn"];
    private static readonly string[] Postcodes = ["CF37 1DL", "CF40 2XX", "CF44 7AB", "CF38 1AA", "CF39 9ZZ", "CF45 4QQ", "CF41 7RT", "CF43 3PL", "CF42 6HN", "CF72 8XA"];

    public static async Task<ScaleSeedResult> SeedAsync(Func<AppDbContext> newContext, Guid teamId, IReadOnlyList<Guid> caseManagers, int children, int seed, DateTime nowUtc, CancellationToken cancellationToken, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(newContext);
        ArgumentNullException.ThrowIfNull(caseManagers);
        if (caseManagers.Count == 0)
        {
            throw new InvalidOperationException("The team needs at least one case manager to allocate cases to.");
        }

        var random = new Random(seed);

        // The outcomes (issue 19) draw from their own sequence, so the rest of the data set is as it was before them.
        var outcomes = new Random(seed + 1);

        // So do the protected characteristics (the fairness view), recorded for four allocated children in five.
        var characteristics = new Random(seed + 2);
        var today = DateOnly.FromDateTime(nowUtc);
        var sources = Enum.GetValues<ReferralSource>();
        var reasons = Enum.GetValues<ClosureReason>();
        int referralCount = 0, caseCount = 0, assessmentCount = 0, reviewCount = 0;
        var counts = new WorkCounts();
        List<InterventionKind> kinds;
        await using (var read = newContext())
        {
            kinds = await read.InterventionKinds.Where(k => k.TeamId == teamId && k.RetiredAtUtc == null).OrderBy(k => k.SortOrder).ToListAsync(cancellationToken);
        }

        for (var start = 0; start < children; start += batchSize)
        {
            await using var db = newContext();
            db.RecordsAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(children, start + batchSize); i++)
            {
                var person = new PersonDetails(
                    Given[random.Next(Given.Length)], Family[random.Next(Family.Length)], null,
                    today.AddYears(-8 - random.Next(10)).AddDays(-random.Next(365)), random.Next(2) == 0 ? Sex.Female : Sex.Male,
                    Postcodes[random.Next(Postcodes.Length)], random.Next(3) == 0 ? PreferredLanguage.Welsh : PreferredLanguage.English);
                var receivedAt = nowUtc.AddDays(-random.Next(730)).AddMinutes(-random.Next(1440));
                var child = Child.Register(teamId, person, receivedAt);
                db.Children.Add(child);

                var referral = Referral.Receive(
                    new ReferralSubmission(teamId, sources[random.Next(sources.Length)], "Seeded referrer", null, null, "Generated for measuring; a fictional child.", random.Next(5) == 0 ? ReferralUrgency.Urgent : ReferralUrgency.Routine, person),
                    $"R-S{i:D7}", receivedAt);
                referral.LinkToChild(child.Id, receivedAt);
                db.Referrals.Add(referral);
                referralCount++;

                var outcome = random.NextDouble();
                if (outcome < 0.10)
                {
                    continue;
                }

                if (outcome < 0.25)
                {
                    referral.Signpost("Signposted to the family support service.", receivedAt.AddDays(1), null);
                    continue;
                }

                var openedAt = receivedAt.AddDays(2);
                var work = ChildCase.Open(teamId, child.Id, openedAt, null);
                db.Cases.Add(work);
                referral.Accept(openedAt, null, work, childAlreadyOpen: false);
                caseCount++;
                var state = random.NextDouble();
                var allocatedAt = openedAt.AddDays(1 + random.Next(30));
                if (state < 0.15 || allocatedAt > nowUtc)
                {
                    continue;
                }

                work.Allocate(caseManagers[random.Next(caseManagers.Count)], allocatedAt, null, null, Domain.Organisation.Team.DefaultReviewIntervalDays);
                var goal = Goal.Set(work, "Spend two evenings a week at a club of the child's choosing", GoalOwner.Child, null, null, allocatedAt.AddDays(7), null);
                db.Goals.Add(goal);
                if (random.NextDouble() < 0.35)
                {
                    assessmentCount++;
                    db.Assessments.Add(Assessed(work, allocatedAt.AddDays(10), random, nowUtc));
                }

                var reviewedAt = allocatedAt.AddDays(42);
                if (reviewedAt < nowUtc.AddDays(-1) && random.NextDouble() < 0.6)
                {
                    var heldOn = DateOnly.FromDateTime(reviewedAt);
                    db.Reviews.Add(Review.Hold(work, [goal], heldOn, [new GoalProgressAtReview(goal.Id, random.Next(11), GoalStatus.Active)], (null, "Going well.", null, null), ReviewDecision.Continue, heldOn.AddDays(42), reviewedAt, null));
                    reviewCount++;
                }

                var closedAt = allocatedAt.AddDays(90 + random.Next(60));
                var closes = state > 0.75 && closedAt < nowUtc;
                Work(db, work, work.CaseManagerUserId!.Value, kinds, allocatedAt, closes ? closedAt.AddDays(-1) : nowUtc, random, counts);
                if (characteristics.NextDouble() < 0.8)
                {
                    db.ChildCharacteristics.Add(Characteristics(child.Id, characteristics, allocatedAt));
                }

                var atStart = KpiRecord.Record(work, [], KpiStage.Start, DateOnly.FromDateTime(allocatedAt), Indicators(outcomes), allocatedAt, null);
                db.KpiRecords.Add(atStart);
                if (outcomes.NextDouble() < 0.4)
                {
                    var incidentOn = DateOnly.FromDateTime(receivedAt.AddDays(-7));
                    var oocd = outcomes.NextDouble() < 0.6 ? (OutOfCourtOutcome?)outcomes.Next(5) : null;
                    var disposal = Disposal.Record(work, "Seeded incident", incidentOn, 1 + outcomes.Next(4), oocd, oocd is null ? null : incidentOn.AddDays(3), allocatedAt, null);
                    if (oocd is not null && closes)
                    {
                        disposal.RecordCompletion(outcomes.NextDouble() < 0.8, closedAt, null);
                    }

                    db.Disposals.Add(disposal);
                }

                if (closes)
                {
                    var reason = reasons[random.Next(reasons.Length)];
                    work.Close(reason, DateOnly.FromDateTime(closedAt), reason == ClosureReason.InterventionCompleted ? [UniversalService.YouthService] : [], reason == ClosureReason.InterventionCompleted ? "Introduced to the youth worker." : null, closedAt, null);
                    var end = Indicators(outcomes);
                    db.KpiRecords.Add(KpiRecord.Record(work, [atStart], KpiStage.End, DateOnly.FromDateTime(closedAt), end == atStart.Answers ? end with { AccommodationSuitable = !end.AccommodationSuitable } : end, closedAt, null));
                    var offenceAt = closedAt.AddDays(1 + outcomes.Next(500));
                    if (outcomes.NextDouble() < 0.25 && offenceAt < nowUtc)
                    {
                        var formal = outcomes.Next(4) == 0;
                        db.LaterOffences.Add(LaterOffence.Record(work, DateOnly.FromDateTime(offenceAt), "Seeded offence", 1 + outcomes.Next(4), LaterOffenceSource.PoliceNationalComputer, formal ? LaterOffenceOutcome.YouthCaution : LaterOffenceOutcome.NotYetKnown, formal ? DateOnly.FromDateTime(offenceAt) : null, nowUtc, null));
                    }
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ScaleSeedResult(children, referralCount, caseCount, assessmentCount, reviewCount, counts.Contacts, counts.Interventions, counts.OnwardReferrals);
    }

    /// <summary>A child's indicators, drawn at random within the rules (the hours attended never above those offered).</summary>
    private static KpiAnswers Indicators(Random random)
    {
        var offered = random.Next(3) == 0 ? 0 : 10 + random.Next(21);
        return new KpiAnswers(
            random.NextDouble() < 0.85,
            offered,
            offered == 0 ? 0 : random.Next(offered + 1),
            (LearningNeedsStatus)random.Next(3),
            (SupportNeedStatus)random.Next(4),
            (SupportNeedStatus)random.Next(4),
            (ChildrensServicesStatus)random.Next(5),
            random.NextDouble() < 0.05,
            (VictimStatus)random.Next(5));
    }

    /// <summary>
    /// The Welsh Government's ethnic groups in roughly the shares of Wales's children (most White Welsh, English,
    /// Scottish, Northern Irish or British; small groups of every other), then disability, gender and care experience,
    /// each with some "prefers not to say".
    /// </summary>
    private static ChildCharacteristics Characteristics(Guid childId, Random random, DateTime recordedAtUtc)
    {
        var roll = random.NextDouble();
        var ethnicity = roll switch
        {
            < 0.86 => Ethnicity.WhiteWelshEnglishScottishNorthernIrishBritish,
            < 0.985 => (Ethnicity)(1 + random.Next((int)Ethnicity.PrefersNotToSay - 1)),
            _ => Ethnicity.PrefersNotToSay,
        };
        static CharacteristicAnswer Answer(Random random, double yes, double prefersNotToSay)
        {
            var roll = random.NextDouble();
            return roll < yes ? CharacteristicAnswer.Yes : roll < yes + prefersNotToSay ? CharacteristicAnswer.PrefersNotToSay : CharacteristicAnswer.No;
        }

        var recorded = ChildCharacteristics.For(childId);
        recorded.Set(ethnicity, Answer(random, 0.15, 0.05), Answer(random, 0.96, 0.025), Answer(random, 0.08, 0.03), recordedAtUtc, null);
        return recorded;
    }

    private static readonly string[] Providers = ["Rhondda Boxing Club", "Platfform", "Barnardo's Cymru", "Media Academy Cymru", "The team"];
    private static readonly string[] Summaries = ["Talked about school and the weekend.", "Worked on the plan together.", "Walked to the youth club and met the worker."];

    private sealed class WorkCounts
    {
        public int Contacts { get; set; }

        public int Interventions { get; set; }

        public int OnwardReferrals { get; set; }
    }

    /// <summary>
    /// The work with an allocated child between the allocation and <paramref name="until"/> (the closure, or now):
    /// contacts spread over the weeks, interventions, onward referrals. Each step is recorded "on the day" it happened,
    /// as the domain's rules on dates ask.
    /// </summary>
    private static void Work(AppDbContext db, ChildCase work, Guid worker, List<InterventionKind> kinds, DateTime allocatedAt, DateTime until, Random random, WorkCounts counts)
    {
        var days = Math.Max(1, (int)(until - allocatedAt).TotalDays);
        var contacts = 1 + random.Next(15);
        for (var i = 0; i < contacts; i++)
        {
            var at = allocatedAt.Date.AddDays(1 + (long)days * i / contacts).AddHours(9 + random.Next(8));
            if (at > until)
            {
                break;
            }

            var roll = random.NextDouble();
            var outcome = roll < 0.75 ? ContactOutcome.Attended : roll < 0.9 ? ContactOutcome.DidNotAttend : ContactOutcome.Cancelled;
            var details = new ContactDetails(
                DateOnly.FromDateTime(at), at, 30 + (15 * random.Next(5)), (ContactKind)random.Next(7), null, true, null, [], [worker], [],
                outcome == ContactOutcome.Attended ? Summaries[random.Next(Summaries.Length)] : null, null);
            var (contact, _) = Contact.Record(Guid.NewGuid(), work, details, outcome, outcome == ContactOutcome.Cancelled ? ContactCancelledBy.ParentOrCarer : null, outcome == ContactOutcome.Cancelled ? "Unwell." : null, null, at.AddHours(2), worker);
            db.Contacts.Add(contact);
            counts.Contacts++;
        }

        if (kinds.Count > 0 && random.NextDouble() < 0.6)
        {
            var start = DateOnly.FromDateTime(allocatedAt.AddDays(7 + random.Next(14)));
            var intervention = Intervention.Offer(work, kinds[random.Next(kinds.Count)], new InterventionPlan(null, Providers[random.Next(Providers.Length)], start, start.AddDays(56), [], []), [], allocatedAt, worker);
            var end = start.AddDays(28 + random.Next(56));
            var untilDay = DateOnly.FromDateTime(until);
            if (start <= untilDay && random.NextDouble() < 0.85)
            {
                intervention.Start(work, start, On(start), worker);
                if (end <= untilDay)
                {
                    if (random.NextDouble() < 0.75)
                    {
                        intervention.Complete(work, end, On(end), worker);
                    }
                    else
                    {
                        intervention.Stop(work, end, "The child stopped coming.", On(end), worker);
                    }
                }
            }

            db.Interventions.Add(intervention);
            counts.Interventions++;
        }

        if (random.NextDouble() < 0.3)
        {
            var referred = DateOnly.FromDateTime(allocatedAt.AddDays(random.Next(30)));
            var untilDay = DateOnly.FromDateTime(until);
            if (referred > untilDay)
            {
                return;
            }

            var onward = OnwardReferral.Refer(work, (OnwardService)random.Next(8), null, referred, "Generated for measuring.", On(referred), worker);
            var decided = referred.AddDays(7 + random.Next(21));
            var roll = random.NextDouble();
            if (decided <= untilDay && roll < 0.2)
            {
                onward.Decline(work, decided, "Not the right service.", On(decided), worker);
            }
            else if (decided <= untilDay && roll < 0.8)
            {
                onward.Accept(work, decided, On(decided), worker);
                var seen = decided.AddDays(14 + random.Next(90));
                if (seen <= untilDay)
                {
                    onward.RecordFirstAppointment(work, seen, On(seen), worker);
                }
            }

            db.OnwardReferrals.Add(onward);
            counts.OnwardReferrals++;
        }
    }

    /// <summary>Noon of a day, as the moment a step of that day was recorded.</summary>
    private static DateTime On(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    /// <summary>An assessment in one of its states, every section answered, the ratings spread as a team's would be.</summary>
    private static Assessment Assessed(ChildCase work, DateTime at, Random random, DateTime nowUtc)
    {
        var when = at < nowUtc ? at : nowUtc;
        var assessment = Assessment.Start(work, null, when, null);
        assessment.SetJudgements(
            work,
            new Judgements((LikelihoodRating)random.Next(3), "Generated rationale.", null, (ConcernRating)random.Next(4), "Generated rationale.", null, (ConcernRating)random.Next(4), "Generated rationale.", null),
            when);
        foreach (var domain in Enum.GetValues<CafDomain>())
        {
            assessment.SetAreas(domain, CafAreas.In(domain).Select(a => new AreaAnswer(a, null, null, (ConcernMarker)random.Next(3))).ToList(), when);
        }

        assessment.SetAdversity(Enum.GetValues<Adversity>().Select(a => new AdversityAnswerInput(a, random.Next(6) == 0 ? AdversityAnswer.Yes : AdversityAnswer.No, null, "Generated", DateOnly.FromDateTime(when), null)).ToList(), when);
        assessment.SetLearningNeeds(new LearningNeeds(AlnStatus.NoAdditionalNeeds, false, SpeechLanguageNeeds.None, Neurodiversity.None, null, SchoolAttachment.Some, 80 + random.Next(20), 0, false, false, null), when);
        assessment.SetStrengthsAndViews(new StrengthsAndViews(null, "Football", null, "Generated view.", null), when);
        assessment.SetAnalysis("Generated analysis.", "Keep going to the club", when);
        var state = random.NextDouble();
        if (state < 0.2)
        {
            return assessment;
        }

        assessment.Submit(when, null);
        if (state > 0.35)
        {
            assessment.Countersign(when, null);
        }

        return assessment;
    }
}
