using BenchmarkDotNet.Attributes;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseManagement.Benchmarks;

/// <summary>
/// One page of the referral list (the query behind /referrals and GET /api/v1/referrals) on a migrated SQLite
/// database holding <see cref="Referrals"/> referrals, beside a baseline that reads one row by its key through the
/// same DbContext, so the figures say what the list costs over the bare round trip.
/// </summary>
[MemoryDiagnoser]
[InProcess] // The generated out-of-process project cannot restore the ASP.NET Core shared framework from the package source here.
public class ReferralListBenchmarks
{
    // Generated data that no one will verify: a throwaway key seals its audit entries.
    private static readonly CaseManagement.Domain.Audit.AuditKeyring AuditKeys = CaseManagement.Domain.Audit.AuditKeyring.Generate();

    private string _path = string.Empty;
    private string _connectionString = string.Empty;
    private Guid _someId;
    private CaseManagerOf _user = null!;

    [Params(10_000)]
    public int Referrals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"cm_bench_{Guid.NewGuid():N}.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, ForeignKeys = true }.ToString();
        new MigrationRunner(DatabaseProvider.Sqlite, _connectionString, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync().GetAwaiter().GetResult();

        using var db = NewContext();
        var agency = Agency.Create("Benchmark YOS", AgencyKind.YouthOffendingService);
        var team = Team.Create("Benchmark team", agency.Id);
        db.AddRange(agency, team);
        _user = new CaseManagerOf(team.Id);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Referrals; i++)
        {
            var child = new PersonDetails($"Given{i}", $"Family{i % 997}", null, new DateOnly(2012, 1, 1).AddDays(i % 2000), Sex.NotKnown, "CF37 1DL", PreferredLanguage.English);
            var submission = new ReferralSubmission(team.Id, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, child);
            db.Referrals.Add(Referral.Receive(submission, $"R-BENCH-{i:D6}", start.AddMinutes(i)));
        }

        db.SaveChanges();
        _someId = db.Referrals.Select(r => r.Id).First();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "one row by key (baseline)")]
    public async Task<string> OneRowByKey()
    {
        await using var db = NewContext();
        return await db.Referrals.AsNoTracking().Where(r => r.Id == _someId).Select(r => r.Reference).SingleAsync();
    }

    [Benchmark(Description = "referral list, page 1 of 25")]
    public async Task<int> ListFirstPage()
    {
        await using var db = NewContext();
        var page = await new ListReferralsHandler(db, _user, TimeProvider.System).Handle(new ListReferrals(1, 25), CancellationToken.None);
        return page.Items.Count;
    }

    [Benchmark(Description = "referral list, status filter, page 40")]
    public async Task<int> ListFilteredDeepPage()
    {
        await using var db = NewContext();
        var page = await new ListReferralsHandler(db, _user, TimeProvider.System).Handle(new ListReferrals(40, 25, ReferralStatus.Received), CancellationToken.None);
        return page.Items.Count;
    }

    /// <summary>A case manager of the benchmark's team, so the list runs through the need-to-know filter as in the app.</summary>
    private sealed class CaseManagerOf(Guid teamId) : ICurrentUser
    {
        public Guid? UserId { get; } = Guid.NewGuid();

        public bool IsAuthenticated => true;

        public string DisplayName => "Benchmark case manager";

        public string? IpAddress => null;

        public IReadOnlyList<Guid> TeamIds { get; } = [teamId];

        public bool IsInRole(string role) => role == Roles.CaseManager;
    }

    private AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(DatabaseProvider.Sqlite, _connectionString);
        return new AppDbContext(options.Options, auditKeys: AuditKeys);
    }
}
