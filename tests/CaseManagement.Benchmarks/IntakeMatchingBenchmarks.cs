using BenchmarkDotNet.Attributes;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseManagement.Benchmarks;

/// <summary>
/// Matching at intake through the database, as the running system does it for every referral: the blocking keys of
/// <see cref="Children"/> known children in <c>child_match_keys</c>, the candidates read back and scored. Beside a
/// baseline that reads one child by its key through the same DbContext.
/// </summary>
[MemoryDiagnoser]
[InProcess] // The generated out-of-process project cannot restore the ASP.NET Core shared framework from the package source here.
public class IntakeMatchingBenchmarks
{
    // Generated data that no one will verify: a throwaway key seals its audit entries.
    private static readonly CaseManagement.Domain.Audit.AuditKeyring AuditKeys = CaseManagement.Domain.Audit.AuditKeyring.Generate();

    private static readonly string[] Given = ["Dafydd", "Rhys", "Osian", "Cerys", "Ffion", "Megan", "Tyler", "Leah", "Sion", "Ioan", "Gethin", "Alys", "Elin", "Nia", "Jac", "Harri", "Lili", "Mali", "Evan", "Seren", "Ella", "Noah", "Oliver", "Isla", "Freya", "Harry", "Jacob", "Ava", "Mia", "Lucas"];
    private static readonly string[] Family = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Lewis", "Hughes", "Morgan", "Griffiths", "Edwards", "Owen", "Price", "Jenkins", "James", "Rees", "Lloyd", "Pritchard", "Powell", "Parry", "Bevan", "Vaughan", "Rowlands", "Pugh", "Prosser", "Meredith", "Gruffydd", "Llewelyn", "Bowen", "Howells"];

    private string _path = string.Empty;
    private string _connectionString = string.Empty;
    private Referral _probe = null!;
    private Guid _someChild;
    private FixedFrequencies _frequencies = null!;

    [Params(50_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"cm_intake_{Guid.NewGuid():N}.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, ForeignKeys = true }.ToString();
        new MigrationRunner(DatabaseProvider.Sqlite, _connectionString, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync().GetAwaiter().GetResult();

        var random = new Random(20261122);
        Guid teamId;
        using (var db = NewContext())
        {
            var agency = Agency.Create("Benchmark YOS", AgencyKind.YouthOffendingService);
            var team = Team.Create("Benchmark team", agency.Id);
            db.AddRange(agency, team);
            db.SaveChanges();
            teamId = team.Id;
        }

        var records = new List<PersonRecord>(Children);
        for (var done = 0; done < Children; done += 5_000)
        {
            using var db = NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var matcher = new ChildMatcher(db, Options.Create(new MatchingSettings()), new FixedFrequencies(null));
            for (var i = done; i < Math.Min(Children, done + 5_000); i++)
            {
                var details = new PersonDetails(
                    Given[random.Next(Given.Length)],
                    Family[(int)Math.Min(Family.Length - 1, Math.Floor(Math.Pow(random.NextDouble(), 2) * Family.Length))],
                    null,
                    new DateOnly(2008, 1, 1).AddDays(random.Next(0, 365 * 10)),
                    random.Next(2) == 0 ? Sex.Female : Sex.Male,
                    $"CF{37 + random.Next(12)} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}",
                    PreferredLanguage.English);
                var child = Child.Register(teamId, details, DateTime.UtcNow);
                db.Children.Add(child);
                matcher.Index(child);
                records.Add(ChildMatcher.RecordOf(child));
                _someChild = child.Id;
            }

            db.SaveChanges();
        }

        _frequencies = new FixedFrequencies(InMemoryNameFrequencies.FromRecords(records));

        // A referral about the last child, under a nickname-free typo of the family name and a new postcode in the same district.
        var known = records[^1];
        var probe = new PersonDetails(known.GivenName!, known.FamilyName!.Insert(2, "e"), null, known.DateOfBirth!.Value, known.Sex, known.Postcode![..4] + " 9ZZ", PreferredLanguage.English);
        _probe = Referral.Receive(new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, probe), "R-BENCH-000001", DateTime.UtcNow);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "one child by key (baseline)")]
    public async Task<string> OneChildByKey()
    {
        await using var db = NewContext();
        return await db.Children.AsNoTracking().Where(c => c.Id == _someChild).Select(c => c.FamilyName).SingleAsync();
    }

    [Benchmark(Description = "candidates for one referral, read and scored")]
    public async Task<int> FindCandidates()
    {
        await using var db = NewContext();
        var matcher = new ChildMatcher(db, Options.Create(new MatchingSettings()), _frequencies);
        return (await matcher.FindAsync(_probe, [], CancellationToken.None)).Count;
    }

    private AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(DatabaseProvider.Sqlite, _connectionString);
        return new AppDbContext(options.Options, auditKeys: AuditKeys);
    }

    private sealed class FixedFrequencies(INameFrequencies? frequencies) : INameFrequencySource
    {
        public Task<INameFrequencies?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(frequencies);
    }
}
