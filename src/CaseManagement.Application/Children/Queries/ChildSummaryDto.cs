using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Children.Queries;

public sealed record ChildSummaryDto
{
    public Guid Id { get; init; }

    public string GivenName { get; init; } = string.Empty;

    public string FamilyName { get; init; } = string.Empty;

    public string? PreferredName { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public PreferredLanguage PreferredLanguage { get; init; }

    public int ReferralCount { get; init; }
}
