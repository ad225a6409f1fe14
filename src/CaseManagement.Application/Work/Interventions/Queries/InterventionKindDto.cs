using System.Linq.Expressions;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Interventions.Queries;

/// <summary>A kind of intervention of a team's list, in both languages (a page shows the one it is in).</summary>
public sealed record InterventionKindDto(Guid Id, string NameEnglish, string NameWelsh, bool Retired)
{
    public static Expression<Func<InterventionKind, InterventionKindDto>> Projection { get; } =
        k => new InterventionKindDto(k.Id, k.NameEnglish, k.NameWelsh, k.RetiredAtUtc != null);
}
