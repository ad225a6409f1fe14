using System.Text.Json;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.GetMatchCandidates;

/// <summary>
/// The known children matching put forward for a referral, each with its match probability and band, the evidence field
/// by field, and what was decided. Each candidate child's record shown is a view, written to the audit trail.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetMatchCandidates(Guid ReferralId) : IRequest<MatchReviewDto>;

public sealed record MatchReviewDto
{
    public Guid ReferralId { get; init; }

    public string Reference { get; init; } = string.Empty;

    public ReferralStatus Status { get; init; }

    public Guid? LinkedChildId { get; init; }

    /// <summary>The score at or above which a referral links automatically (a sum of log2 likelihood ratios).</summary>
    public double UpperThreshold { get; init; }

    /// <summary>The score below which a referral is about a new child.</summary>
    public double LowerThreshold { get; init; }

    /// <summary>The match probability at or above which a referral links automatically: <see cref="UpperThreshold"/> as a probability (decision 0084).</summary>
    public double LinkProbability { get; init; }

    /// <summary>The match probability below which a referral is about a new child; between the two a person checks.</summary>
    public double ReviewProbability { get; init; }

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

    /// <summary>The score after any rule that capped it (a sum of log2 likelihood ratios): what <see cref="Probability"/> is read from.</summary>
    public double Score { get; init; }

    /// <summary>
    /// The probability that the referral is about this child, from <see cref="Score"/> with a prior of one in the
    /// reference population, as the thresholds are stated (decision 0084).
    /// </summary>
    public double Probability { get; init; }

    /// <summary>The band the score fell in at intake: Link (linked), Review (for a person to check) or NewChild (a new child).</summary>
    public MatchDecision Decision { get; init; }

    public MatchCandidateStatus Status { get; init; }

    public DateTime? DecidedAtUtc { get; init; }

    public string? DecisionNote { get; init; }

    /// <summary>Every field compared: the referral's value, the known child's, the agreement level, the weight and its strength in words, and a note.</summary>
    public IReadOnlyList<FieldComparison> Fields { get; init; } = [];

    /// <summary>Rules that fired (twins, siblings, identifiers): whether each held or was set aside, and why.</summary>
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

        var options = settings.Value.ToOptions();
        var candidates = new List<MatchCandidateDto>();
        foreach (var row in rows)
        {
            var explanation = StoredExplanation.Read(row.Candidate.Explanation);
            candidates.Add(new MatchCandidateDto
            {
                ChildId = row.Candidate.ChildId,
                ChildName = $"{row.Child.GivenName} {row.Child.FamilyName}",
                ChildDateOfBirth = row.Child.DateOfBirth,
                ChildPostcode = row.Child.Postcode,
                ReferralCount = row.Child.Count,
                Score = row.Candidate.Score,
                Probability = MatchProbability.ProbabilityOf(row.Candidate.Score, options),
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
        return new MatchReviewDto
        {
            ReferralId = referral.Id,
            Reference = referral.Reference,
            Status = referral.Status,
            LinkedChildId = referral.ChildId,
            UpperThreshold = options.UpperThreshold,
            LowerThreshold = options.LowerThreshold,
            LinkProbability = MatchProbability.ProbabilityOf(options.UpperThreshold, options),
            ReviewProbability = MatchProbability.ProbabilityOf(options.LowerThreshold, options),
            Candidates = candidates,
        };
    }
}

/// <summary>Reads an explanation as stored with its candidate, whenever it was written.</summary>
internal static class StoredExplanation
{
    /// <summary>
    /// The explanation, with an other identifier written before decision 0084 ("SC-40213 (LocalAuthority)") read into
    /// its value and its issuer, so every explanation gives the issuer as its own field. Null for one destroyed under
    /// retention (the candidate child's details are gone; the candidate and its decision stay).
    /// </summary>
    public static MatchResult? Read(string json)
    {
        if (json == Records.Retention.RetentionSchedule.Destroyed)
        {
            return null;
        }

        var explanation = JsonSerializer.Deserialize<MatchResult>(json, ChildMatcher.ExplanationJson);
        return explanation is null ? null : explanation with { Fields = explanation.Fields.Select(Upgraded).ToList() };
    }

    private static FieldComparison Upgraded(FieldComparison field)
    {
        if (field.Field != MatchField.OtherIdentifier || field.LeftIssuer is not null || field.RightIssuer is not null)
        {
            return field;
        }

        var (left, leftIssuer) = Split(field.LeftValue);
        var (right, rightIssuer) = Split(field.RightValue);
        return field with { LeftValue = left, RightValue = right, LeftIssuer = leftIssuer, RightIssuer = rightIssuer };
    }

    private static (string? Value, IdentifierIssuer? Issuer) Split(string? value)
    {
        if (value is not null && value.EndsWith(')') && value.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0
            && Enum.TryParse<IdentifierIssuer>(value[(open + 2)..^1], out var issuer) && Enum.IsDefined(issuer))
        {
            return (value[..open], issuer);
        }

        return (value, null);
    }
}
