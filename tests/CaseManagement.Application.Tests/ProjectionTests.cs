using System.Linq.Expressions;
using System.Reflection;
using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Children.Queries;
using CaseManagement.Application.Referrals.Queries;

namespace CaseManagement.Application.Tests;

/// <summary>
/// The projections that read DTOs in the database (decision 0030) fill every field a client reads: a field added to a
/// DTO and forgotten in its projection would reach the client empty, which AutoMapper's configuration check used to catch.
/// </summary>
public sealed class ProjectionTests
{
    [Fact]
    public void ReferralProjection_FillsEveryFieldButTheOnesTheHandlerFills() =>
        Assert.Equal(
            Settable<ReferralDto>().Except([nameof(ReferralDto.TeamName), nameof(ReferralDto.SensitiveNotesWithheld), nameof(ReferralDto.CanDecide), nameof(ReferralDto.CanSeeViewers)]),
            Bound(ReferralDto.Projection));

    [Fact]
    public void ReferralSummaryProjection_FillsEveryField() =>
        Assert.Equal(Settable<ReferralSummaryDto>(), Bound(ReferralSummaryDto.Projection));

    [Fact]
    public void AuditEntryProjection_FillsEveryFieldButTheWithheldOnes() =>
        Assert.Equal(Settable<AuditEntryDto>().Except([nameof(AuditEntryDto.WithheldFields)]), Bound(AuditEntryDto.Projection));

    [Fact]
    public void ChildSummaryProjection_FillsEveryField() =>
        Assert.Equal(Settable<ChildSummaryDto>(), Bound(ChildSummaryDto.Projection));

    private static IEnumerable<string> Settable<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.Name != "EqualityContract")
            .Select(p => p.Name).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Bound(LambdaExpression projection) =>
        Assert.IsType<MemberInitExpression>(projection.Body, exactMatch: false).Bindings.Select(b => b.Member.Name).Order(StringComparer.Ordinal);
}
