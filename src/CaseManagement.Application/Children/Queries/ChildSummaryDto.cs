using System.Linq.Expressions;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Children.Queries;

public sealed record ChildSummaryDto
{
    /// <summary>Reads a child in the database; the count becomes a correlated sub-query, so a page costs one round trip.</summary>
    public static Expression<Func<Child, ChildSummaryDto>> Projection { get; } = c => new ChildSummaryDto
    {
        Id = c.Id,
        GivenName = c.GivenName,
        FamilyName = c.FamilyName,
        PreferredName = c.PreferredName,
        DateOfBirth = c.DateOfBirth,
        PreferredLanguage = c.PreferredLanguage,
        ReferralCount = c.Referrals.Count,
    };

    public Guid Id { get; init; }

    public string GivenName { get; init; } = string.Empty;

    public string FamilyName { get; init; } = string.Empty;

    public string? PreferredName { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public PreferredLanguage PreferredLanguage { get; init; }

    public int ReferralCount { get; init; }
}
