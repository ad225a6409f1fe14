using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Needs;

/// <summary>
/// The case's assessed needs: those of its latest submitted or countersigned assessment (a draft reassessment does not
/// count until it is submitted). A seconded practitioner is not shown a need whose answer only the team may read.
/// </summary>
public static class CaseNeeds
{
    public static async Task<(Assessment? Assessment, IReadOnlyList<AssessedNeedFinding> Needs)> LatestAsync(this IApplicationDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Areas).Include(a => a.Adversities)
            .Where(a => a.CaseId == caseId && (a.Status == AssessmentStatus.Submitted || a.Status == AssessmentStatus.Countersigned))
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        return (assessment, assessment is null ? [] : AssessedNeeds.Of(assessment));
    }

    /// <summary>The needs the request names, read from their codes; an unknown code breaks the rule that needs come from the assessment.</summary>
    public static IReadOnlyList<AssessedNeed> Read(IEnumerable<string>? codes) =>
        codes is null ? [] : codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(AssessedNeed.Parse).Distinct().ToList();

    /// <summary>Whether every code names a need an assessment can record (the validators' rule; none at all is fine).</summary>
    public static bool AreNeedCodes(IEnumerable<string>? codes) => codes is null || codes.All(c => AssessedNeed.TryParse(c, out _));

    public static IEnumerable<AssessedNeedFinding> SeenBy(this IEnumerable<AssessedNeedFinding> needs, bool seesWholeRecord) =>
        seesWholeRecord ? needs : needs.Where(n => !n.Need.IsSensitive);

    public static AssessedNeedDto ToDto(this AssessedNeedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new AssessedNeedDto(finding.Need.Code, finding.Need.Kind, finding.Need.LabelKey, finding.Significant);
    }

    /// <summary>
    /// The needs a goal or action answers, as their reader may see them. A link to a need the latest assessment no
    /// longer records stays, shown as not significant.
    /// </summary>
    public static IReadOnlyList<AssessedNeedDto> Linked(IEnumerable<string> codes, IReadOnlyCollection<AssessedNeedFinding> assessed, bool seesWholeRecord) =>
        codes.Select(AssessedNeed.Parse)
            .Select(n => assessed.FirstOrDefault(f => f.Need == n) ?? new AssessedNeedFinding(n, false))
            .SeenBy(seesWholeRecord).Select(ToDto).ToList();
}

/// <summary>A need as a reader sees it: its code, kind, the key of its English and Welsh label, and whether it is significant.</summary>
public sealed record AssessedNeedDto(string Code, AssessedNeedKind Kind, string LabelKey, bool Significant);
