using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Outcomes;

/// <summary>A countersigned assessment's ratings as numbers (0 is the least concern): its three judgements and each CAF area's marker.</summary>
public sealed record AssessmentRatings(int Number, LikelihoodRating? Reoffending, ConcernRating? SeriousHarm, ConcernRating? Wellbeing, IReadOnlyDictionary<CafArea, ConcernMarker?> Markers)
{
    public IEnumerable<(string Measure, int? Value)> Values()
    {
        yield return ("Reoffending", (int?)Reoffending);
        yield return ("SeriousHarm", (int?)SeriousHarm);
        yield return ("Wellbeing", (int?)Wellbeing);
        foreach (var area in Enum.GetValues<CafArea>())
        {
            yield return (area.ToString(), Markers.TryGetValue(area, out var marker) ? (int?)marker : null);
        }
    }
}

/// <summary>How one rating moved from the first assessment to the latest; a negative change is less concern.</summary>
public sealed record RatingChange(string Measure, int? First, int? Latest)
{
    public int? Change => First is { } first && Latest is { } latest ? latest - first : null;
}

/// <summary>For a cohort, how many children's rating went down (less concern), stayed, or went up.</summary>
public sealed record CohortRatingChange(string Measure, int Children, int LessConcern, int Same, int MoreConcern);

/// <summary>Distance travelled (issue 19, point 5): the change in each judgement's rating and each CAF area's marker between a child's first and latest countersigned assessments.</summary>
public static class DistanceTravelled
{
    /// <summary>The changes for one child; empty when fewer than two assessments were countersigned.</summary>
    public static IReadOnlyList<RatingChange> ForChild(IReadOnlyCollection<AssessmentRatings> countersigned)
    {
        ArgumentNullException.ThrowIfNull(countersigned);
        if (countersigned.Count < 2)
        {
            return [];
        }

        var first = countersigned.MinBy(a => a.Number)!;
        var latest = countersigned.MaxBy(a => a.Number)!;
        return first.Values().Zip(latest.Values(), (f, l) => new RatingChange(f.Measure, f.Value, l.Value)).ToList();
    }

    public static IReadOnlyList<CohortRatingChange> ForCohort(IEnumerable<IReadOnlyList<RatingChange>> children)
    {
        var changes = children.SelectMany(c => c).Where(c => c.Change is not null).ToList();
        return Measures().Select(measure =>
        {
            var of = changes.Where(c => c.Measure == measure).Select(c => c.Change!.Value).ToList();
            return new CohortRatingChange(measure, of.Count, of.Count(c => c < 0), of.Count(c => c == 0), of.Count(c => c > 0));
        }).ToList();
    }

    public static IEnumerable<string> Measures() => new AssessmentRatings(0, null, null, null, new Dictionary<CafArea, ConcernMarker?>()).Values().Select(v => v.Measure);
}
