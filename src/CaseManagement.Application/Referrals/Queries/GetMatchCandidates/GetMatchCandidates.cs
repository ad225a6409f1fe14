using System.Text.Json;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.GetMatchCandidates;

/// <summary>
/// The known children matching put forward for a referral, each with its score and the evidence field by field, and
/// what was decided. Each candidate child's record shown is a view, written to the audit trail.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetMatchCandidates(Guid ReferralId) : IRequest<MatchReviewDto>;

public sealed record MatchReviewDto
{
    public Guid ReferralId { get; init; }

    public string Reference { get; init; } = string.Empty;

    public ReferralStatus Status { get; init; }

    public Guid? LinkedChildId { get; init; }

    public double UpperThreshold { get; init; }

    public double LowerThreshold { get; init; }

    public IReadOnlyList<MatchCandidateDto> Candidates { get; init; } = [];
}

public sealed record MatchCandidateDto
{
    public Guid ChildId { get; init; }

    public string ChildName { get; init; } = string.Empty;

    public DateOnly ChildDateOfBirth { get; init; }

    public string? ChildPostcode { get; init; }

    /// <summary>How many referrals the known child already has.</summary>
    public int ReferralCount { get; init; }

    public double Score { get; init; }

    /// <summary>What the score alone says: Link, Review or NewChild.</summary>
    public MatchDecision Decision { get; init; }

    public MatchCandidateStatus Status { get; init; }

    public DateTime? DecidedAtUtc { get; init; }

    public string? DecisionNote { get; init; }

    /// <summary>Every field compared: the referral's value, the known child's, the agreement level, the weight and a note.</summary>
    public IReadOnlyList<FieldComparison> Fields { get; init; } = [];

    /// <summary>Rules that capped the score (twins, siblings), with their reasons.</summary>
    public IReadOnlyList<MatchVeto> Vetoes { get; init; } = [];
}

public sealed class GetMatchCandidatesHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, Microsoft.Extensions.Options.IOptions<MatchingSettings> settings)
    : IRequestHandler<GetMatchCandidates, MatchReviewDto>
{
    public async Task<MatchReviewDto> Handle(GetMatchCandidates request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var referral = await db.Referrals.AsNoTracking()
            .Where(r => r.Id == request.ReferralId && teamIds.Contains(r.TeamId))
            .Select(r => new { r.Id, r.Reference, r.Status, r.ChildId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Referral", request.ReferralId);

        var rows = await db.MatchCandidates.AsNoTracking()
            .Where(c => c.ReferralId == referral.Id)

            // Joined by key: a correlated .Single() would number every child (ROW_NUMBER) before joining.
            .Join(db.Children, c => c.ChildId, ch => ch.Id, (c, ch) => new
            {
                Candidate = c,
                Child = new { ch.GivenName, ch.FamilyName, ch.DateOfBirth, ch.Postcode, Count = ch.Referrals.Count },
            })
            .OrderByDescending(r => r.Candidate.Score)
            .ToListAsync(cancellationToken);

        var candidates = new List<MatchCandidateDto>();
        foreach (var row in rows)
        {
            var explanation = JsonSerializer.Deserialize<MatchResult>(row.Candidate.Explanation, ChildMatcher.ExplanationJson);
            candidates.Add(new MatchCandidateDto
            {
                ChildId = row.Candidate.ChildId,
                ChildName = $"{row.Child.GivenName} {row.Child.FamilyName}",
                ChildDateOfBirth = row.Child.DateOfBirth,
                ChildPostcode = row.Child.Postcode,
                ReferralCount = row.Child.Count,
                Score = row.Candidate.Score,
                Decision = Enum.TryParse<MatchDecision>(row.Candidate.Decision, out var decision) ? decision : MatchDecision.Review,
                Status = row.Candidate.Status,
                DecidedAtUtc = row.Candidate.DecidedAtUtc,
                DecisionNote = row.Candidate.DecisionNote,
                Fields = explanation?.Fields ?? [],
                Vetoes = explanation?.Vetoes ?? [],
            });
            audit.Record(new AuditRecord(AuditAction.View, "Child", row.Candidate.ChildId.ToString(), row.Candidate.ChildId, Reason: $"Possible match for referral {referral.Reference}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        var options = settings.Value;
        return new MatchReviewDto
        {
            ReferralId = referral.Id,
            Reference = referral.Reference,
            Status = referral.Status,
            LinkedChildId = referral.ChildId,
            UpperThreshold = options.UpperThreshold,
            LowerThreshold = options.LowerThreshold,
            Candidates = candidates,
        };
    }
}
