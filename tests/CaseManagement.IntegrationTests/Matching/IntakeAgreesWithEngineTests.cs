using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Tools.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManagement.IntegrationTests.Matching;

/// <summary>
/// Intake through the database finds what the engine finds in memory (issue 18). ChildMatcher reads its candidates with
/// its own query and its own block limit; the batch and <c>matching latency</c> use CandidateIndex. If the two disagree,
/// a referral at intake silently misses a child the engine would have found. Here a register of the project's generator
/// (households, twins, namesakes, one postcode shared by more children than a key may bring) is matched both ways, for
/// referrals about known children (written with the generator's slips) and about children the register does not hold.
/// The in-memory side indexes the records the database keeps keys for (each child's details and each later referral
/// linked to it), with the same settings and name frequencies.
/// </summary>
public abstract class IntakeAgreesWithEngineTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const int Limit = 20;
    private const string CrowdedPostcode = "LL65 9ZZ";
    private const int CrowdedFamilies = 30;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// At the ordinary limit, and at a limit at which many blocks hold between half the limit and the limit, as the
    /// default of 2,000 does on a large register. ChildMatcher keeps such a key in its query (counting key rows), then
    /// scores the candidates in a small index that also holds each child's registering referral (read, never keyed):
    /// applying the limit there again skipped the block and left a namesake unscored, so a referral linked automatically
    /// where the engine sends it to a person. One register serves both limits (SQLite keeps one database per class).
    /// </summary>
    [SkippableFact]
    public async Task Find_GeneratedReferrals_SameChildrenBestAndDecisionAsTheEngineInMemory()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var teamId = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var configured = MatchingSettings.From(scope.ServiceProvider.GetRequiredService<IConfiguration>());
        var frequencies = new Frequencies();
        var (probes, personOf) = await RegisterAsync(db, new ChildMatcher(db, Options.Create(configured), frequencies), teamId);

        // The in-memory side: every keyed record, as the batch would index it, and who it belongs to.
        var keyed = await db.ChildMatchKeys.AsNoTracking().Select(k => new { k.SourceId, k.ChildId }).Distinct().ToListAsync();
        var owner = keyed.ToDictionary(k => k.SourceId, k => k.ChildId);
        var sources = owner.Keys.ToList();
        var records = (await db.Children.AsNoTracking().Where(c => sources.Contains(c.Id)).ToListAsync()).Select(ChildMatcher.RecordOf)
            .Concat((await db.Referrals.AsNoTracking().Where(r => sources.Contains(r.Id)).ToListAsync()).Select(ChildMatcher.RecordOf))
            .ToList();
        var teamChildren = (await db.Children.AsNoTracking().Where(c => c.TeamId == teamId && c.MergedIntoChildId == null).Select(c => c.Id).ToListAsync()).ToHashSet();

        // Both sides weigh names by the same frequencies, those of the register just made.
        frequencies.Snapshot = InMemoryNameFrequencies.FromRecords(records);
        var index = CandidateIndex.Build(records);
        var blocks = new Blocks(records, owner, await db.ChildMatchKeys.AsNoTracking().GroupBy(k => k.Key).Select(g => new { g.Key, Rows = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Rows));
        foreach (var limit in new[] { Limit, 6 })
        {
            Assert.True(blocks.Largest > limit, $"The crowded postcode should make a block over the limit of {limit}; the largest holds {blocks.Largest}.");
            var settings = MatchingSettings.From(scope.ServiceProvider.GetRequiredService<IConfiguration>());
            settings.MaxCandidatesPerKey = limit;
            await AgreesAsync(new ChildMatcher(db, Options.Create(settings), frequencies), new MatchingEngine(settings.ToOptions(), frequencies.Snapshot), index, probes, owner, teamChildren, blocks, personOf, limit);
        }
    }

    private static async Task AgreesAsync(ChildMatcher matcher, MatchingEngine engine, CandidateIndex index, List<Probe> probes, Dictionary<Guid, Guid> owner, HashSet<Guid> teamChildren, Blocks blocks, Dictionary<Guid, string> personOf, int limit)
    {
        var differences = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            var inDatabase = await matcher.FindAsync(probe.Referral, [], CancellationToken.None);
            var record = ChildMatcher.RecordOf(probe.Referral);
            var inMemory = engine.Search(record, index, max: index.Count).Matches
                .Where(m => teamChildren.Contains(owner[m.RightId]))
                .GroupBy(m => owner[m.RightId])
                .Select(g => new ChildMatch(g.Key, g.MaxBy(m => m.Score)! with { RightId = g.Key }))
                .Where(m => m.Result.Decision != MatchDecision.NewChild)
                .OrderByDescending(m => m.Result.Score)
                .ToList();
            var outcome = Outcome(inMemory);
            outcomes[outcome.Split(' ')[0]] = outcomes.GetValueOrDefault(outcome.Split(' ')[0]) + 1;
            if (Difference(inDatabase, inMemory) is { } what)
            {
                var children = inDatabase.Select(m => m.ChildId).Union(inMemory.Select(m => m.ChildId)).Distinct();
                differences.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{probe.Label}: {what}; database: {Outcome(inDatabase)}, engine: {outcome}. {string.Join(" ", children.Select(c => blocks.Describe(record, c, personOf)))}"));
            }
        }

        // The set must hold every outcome, or agreement would prove little.
        Assert.True(outcomes.Count == 3, "Expected links, reviews and new children among the outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        Assert.True(differences.Count == 0, $"At a limit of {limit}, {differences.Count} of {probes.Count} referrals matched differently through the database:\n" + string.Join("\n", differences));
    }

    /// <summary>
    /// Registers the generator's children in the team as intake leaves them: each child from their first referral (the
    /// child's details keyed), each later referral linked and keyed, the last one of a child with several held back to
    /// be matched. The first households all live at one postcode, more children than a key may bring. Returns the
    /// referrals to match: those held back and as many about children of another seed.
    /// </summary>
    private static async Task<(List<Probe> Probes, Dictionary<Guid, string> PersonOf)> RegisterAsync(AppDbContext db, ChildMatcher matcher, Guid teamId)
    {
        var population = SyntheticReferrals.Generate(new SyntheticReferralOptions { Count = 700, Seed = 71, TwinHouseholdShare = 0.1, NamesakeShare = 0.1 });
        var people = population.People.ToDictionary(p => p.PersonId);
        var crowdedFamilies = population.People.Select(p => p.FamilyId).Distinct().Take(CrowdedFamilies).ToHashSet(StringComparer.Ordinal);
        var at = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
        var probes = new List<Probe>();
        var personOf = new Dictionary<Guid, string>();
        var number = 0;
        var registered = new List<(SyntheticPerson Person, PersonRecord Written)>();
        foreach (var rows in population.Records.GroupBy(r => r.PersonId))
        {
            var person = people[rows.Key];
            var written = rows.Select(r => crowdedFamilies.Contains(person.FamilyId) ? r.Record with { Postcode = CrowdedPostcode } : r.Record).ToList();
            var first = Receive(teamId, written[0], person, ++number, at);
            db.Referrals.Add(first);
            var child = matcher.RegisterNewChild(first, at, null);
            personOf[child.Id] = person.PersonId;
            registered.Add((person, written[0]));
            foreach (var later in written.Skip(1).Take(written.Count - 2))
            {
                var referral = Receive(teamId, later, person, ++number, at);
                db.Referrals.Add(referral);
                referral.LinkToChild(child.Id, at);
                matcher.Index(referral);
            }

            if (written.Count > 1)
            {
                probes.Add(new Probe($"referral {number + 1} about known child {person.PersonId} ({person.Relation})", Receive(teamId, written[^1], person, ++number, at)));
            }
        }

        await db.SaveChangesAsync();

        var strangers = SyntheticReferrals.Generate(new SyntheticReferralOptions { Count = 150, Seed = 72, TwinHouseholdShare = 0.1, NamesakeShare = 0.1 });
        var strangerPeople = strangers.People.ToDictionary(p => p.PersonId);
        foreach (var row in strangers.Records.DistinctBy(r => r.PersonId))
        {
            var person = strangerPeople[row.PersonId];
            probes.Add(new Probe($"referral {number + 1} about unknown child {person.PersonId}", Receive(teamId, row.Record, person, ++number, at)));
        }

        // Known children that only an identifier finds: a new family name (a step-parent's), a new postcode in another
        // district and the month of birth mistyped, the NHS number right. Nothing else is shared, so blocking must use it.
        var moved = registered.Where(r => PersonIdentifiers.NormaliseNhsNumber(r.Written.NhsNumber) is not null).Take(10).ToList();
        for (var i = 0; i < moved.Count; i++)
        {
            var (person, written) = moved[i];
            var stranger = strangers.People[i];
            var renamed = written with { FamilyName = stranger.FamilyName, Postcode = stranger.Postcodes[^1], DateOfBirth = person.DateOfBirth.AddMonths(1), UniquePupilNumber = null, PncId = null };
            probes.Add(new Probe($"referral {number + 1} about known child {person.PersonId} under a new family name and postcode", Receive(teamId, renamed, person, ++number, at)));
        }

        return (probes, personOf);
    }

    /// <summary>The referral as intake would hold it: the true name or date of birth where the form would have asked again, identifiers the form refuses left out.</summary>
    private static Referral Receive(Guid teamId, PersonRecord written, SyntheticPerson person, int number, DateTime at)
    {
        var details = new PersonDetails(
            string.IsNullOrWhiteSpace(written.GivenName) ? person.GivenName : written.GivenName,
            string.IsNullOrWhiteSpace(written.FamilyName) ? person.FamilyName : written.FamilyName,
            written.PreferredName,
            written.DateOfBirth ?? person.DateOfBirth,
            written.Sex,
            Postcodes.Normalise(written.Postcode),
            PreferredLanguage.English)
        {
            NhsNumber = PersonIdentifiers.NormaliseNhsNumber(written.NhsNumber),
            UniquePupilNumber = PersonIdentifiers.NormaliseUniquePupilNumber(written.UniquePupilNumber),
            PncId = PersonIdentifiers.NormalisePncId(written.PncId),
        };
        var submission = new ReferralSubmission(teamId, ReferralSource.Education, "Generated referrer", null, null, "Generated for a matching test; a fictional child.", ReferralUrgency.Routine, details);
        return Referral.Receive(submission, string.Create(CultureInfo.InvariantCulture, $"R-AGREE{number:D5}"), at);
    }

    /// <summary>What intake does with the matches: one Link and nothing else links; any match waits for a person; none registers.</summary>
    private static string Outcome(IReadOnlyList<ChildMatch> matches) => matches switch
    {
        [] => "new child",
        [{ Result.Decision: MatchDecision.Link } only] => string.Create(CultureInfo.InvariantCulture, $"link to {only.ChildId} ({only.Result.Score:0.00})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"review of {matches.Count} ({string.Join(", ", matches.Select(m => $"{m.ChildId} {m.Result.Decision} {m.Result.Score:0.00}"))})"),
    };

    private static string? Difference(IReadOnlyList<ChildMatch> inDatabase, List<ChildMatch> inMemory)
    {
        var database = inDatabase.Select(m => m.ChildId).ToHashSet();
        var memory = inMemory.Select(m => m.ChildId).ToHashSet();
        if (!database.SetEquals(memory))
        {
            return $"children only the database found [{string.Join(", ", database.Except(memory))}], only the engine found [{string.Join(", ", memory.Except(database))}]";
        }

        if (inDatabase.Count == 0)
        {
            return null;
        }

        // Two children can score the same (twins with the same slips): then either may come first.
        var (first, engineFirst) = (inDatabase[0], inMemory[0]);
        if (first.ChildId != engineFirst.ChildId && Math.Abs(first.Result.Score - engineFirst.Result.Score) > 1e-9)
        {
            return $"best child {first.ChildId} in the database, {engineFirst.ChildId} in the engine";
        }

        var engineDecisions = inMemory.ToDictionary(m => m.ChildId, m => m.Result.Decision);
        return inDatabase.FirstOrDefault(m => m.Result.Decision != engineDecisions[m.ChildId]) is { } differing
            ? $"child {differing.ChildId} decided {differing.Result.Decision} in the database, {engineDecisions[differing.ChildId]} in the engine"
            : null;
    }

    private sealed record Probe(string Label, Referral Referral);

    private sealed class Frequencies : INameFrequencySource
    {
        public INameFrequencies? Snapshot { get; set; }

        public Task<INameFrequencies?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Snapshot);
    }

    /// <summary>Each blocking key's block, as the database counts it (key rows) and as the index does (records), to say why a child was missed.</summary>
    private sealed class Blocks(IReadOnlyList<PersonRecord> records, IReadOnlyDictionary<Guid, Guid> owner, IReadOnlyDictionary<long, int> rows)
    {
        private readonly ILookup<Guid, long> _keysOf = records.SelectMany(r => MatchBlocking.KeysOf(r).Select(k => (owner[r.Id], k))).ToLookup(p => p.Item1, p => p.k);
        private readonly Dictionary<long, int> _records = records.SelectMany(r => MatchBlocking.KeysOf(r)).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

        public int Largest => rows.Values.Max();

        /// <summary>The child and every key the referral shares with one of its records, with both counts of the key's block.</summary>
        public string Describe(PersonRecord probe, Guid childId, IReadOnlyDictionary<Guid, string> personOf)
        {
            var keys = MatchBlocking.SearchKeysOf(probe, out var identifierKeys);
            var shared = keys.Select((k, i) => (Key: k, Identifier: i < identifierKeys)).Where(k => _keysOf[childId].Contains(k.Key));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Child {childId} ({personOf.GetValueOrDefault(childId, "not generated")}) shares [{string.Join("; ", shared.Select(k => $"{Kind(probe, k.Key, k.Identifier)} key {k.Key:X16}: {rows.GetValueOrDefault(k.Key)} key rows, {_records.GetValueOrDefault(k.Key)} records"))}].");
        }

        // The key's kind, found by keying the referral's fields one kind at a time (the keys themselves are hashes).
        private static string Kind(PersonRecord probe, long key, bool identifier) =>
            identifier ? "identifier"
            : MatchBlocking.KeysOf(new PersonRecord(probe.Id, null, null, Postcode: probe.Postcode)).Contains(key) ? "postcode"
            : MatchBlocking.KeysOf(new PersonRecord(probe.Id, null, null, DateOfBirth: probe.DateOfBirth)).Contains(key) ? "date of birth"
            : MatchBlocking.KeysOf(new PersonRecord(probe.Id, probe.GivenName, probe.FamilyName, probe.PreferredName)).Contains(key) ? "names"
            : "year, district or town";
    }
}

public sealed class SqliteIntakeAgreesWithEngineTests(SqliteAppFactory factory) : IntakeAgreesWithEngineTests<SqliteAppFactory>(factory);

public sealed class PostgresIntakeAgreesWithEngineTests(PostgresAppFactory factory) : IntakeAgreesWithEngineTests<PostgresAppFactory>(factory);

public sealed class SqlServerIntakeAgreesWithEngineTests(SqlServerAppFactory factory) : IntakeAgreesWithEngineTests<SqlServerAppFactory>(factory);
