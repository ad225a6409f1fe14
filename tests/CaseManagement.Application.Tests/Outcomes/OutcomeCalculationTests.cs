using CaseManagement.Application.Outcomes;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Tests.Outcomes;

public sealed class OutcomeCalculationTests
{
    private static readonly DateOnly Closed = new(2025, 3, 31);
    private static readonly int[] Counts = [0, 1, 4, 5];
    private static readonly string[] Judgements = ["Reoffending", "SeriousHarm", "Wellbeing", "Health"];

    [Theory]
    [InlineData(null, new int[0], new int[0], "2026-04-01", LaterOffending.NoFurtherOffence)]
    [InlineData(null, new int[0], new int[0], "2026-03-31", null)]
    [InlineData(3, new[] { 10 }, new[] { 3 }, "2025-06-01", LaterOffending.SameOrLesserSeriousness)]
    [InlineData(3, new[] { 10, 40 }, new[] { 2, 4 }, "2025-06-01", LaterOffending.GreaterSeriousness)]
    [InlineData(null, new[] { 10 }, new[] { 1 }, "2025-06-01", LaterOffending.GreaterSeriousness)]
    [InlineData(2, new[] { 0, 366 }, new[] { 4, 4 }, "2026-06-01", LaterOffending.NoFurtherOffence)]
    [InlineData(2, new[] { 365 }, new[] { 3 }, "2026-06-01", LaterOffending.GreaterSeriousness)]
    public void Classify_CountsOnlyOffencesAfterClosureWithinTheWindow(int? indexGravity, int[] daysAfter, int[] gravity, string today, LaterOffending? expected)
    {
        var offences = daysAfter.Zip(gravity, (d, g) => (Closed.AddDays(d), g));

        Assert.Equal(expected, LaterOffendingSplit.Classify(Closed, 12, indexGravity, offences, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void FirstTimeEntrant_IsTheFirstFormalOutcome_AgedTenToSeventeen()
    {
        var born = new DateOnly(2012, 6, 15);

        Assert.Equal(new DateOnly(2024, 1, 1), FirstTimeEntrants.EnteredOn(born, [new DateOnly(2025, 1, 1), new DateOnly(2024, 1, 1)]));
        Assert.Null(FirstTimeEntrants.EnteredOn(born, [new DateOnly(2022, 6, 14)]));
        Assert.Equal(new DateOnly(2022, 6, 15), FirstTimeEntrants.EnteredOn(born, [new DateOnly(2022, 6, 15)]));
        Assert.Null(FirstTimeEntrants.EnteredOn(born, []));
    }

    [Fact]
    public void One_SuppressesOneToFour_ShowsZeroAndFive()
    {
        Assert.Equal([0, null, null, 5], Counts.Select(v => SmallNumbers.One(v).Shown));
    }

    [Fact]
    public void Table_ALoneSmallCell_HasASecondCellSuppressedInItsRowAndColumn()
    {
        var shown = SmallNumbers.Table([[3, 10, 20], [8, 9, 30]]);

        // 3 is primary; 10 follows it in its row, then 8 and 9 in their columns: no row or column has one alone.
        Assert.Equal([[null, null, 20], [null, null, 30]], shown.Select(r => r.Select(c => c.Shown).ToArray()).ToArray());
    }

    [Fact]
    public void Table_NoSmallCells_ShowsEverything()
    {
        var shown = SmallNumbers.Table([[0, 10], [5, 9]]);

        Assert.Equal([[0, 10], [5, 9]], shown.Select(r => r.Select(c => c.Shown).ToArray()).ToArray());
    }

    [Fact]
    public void Table_NoSuppressedCellCanBeWorkedOutFromTheTotals()
    {
        var rows = new[] { new[] { 2, 7, 11, 30 }, new[] { 6, 1, 14, 9 }, new[] { 12, 13, 3, 40 } };
        var shown = SmallNumbers.Table(rows);

        for (var r = 0; r < rows.Length; r++)
        {
            Assert.NotEqual(1, shown[r].Count(c => c.Suppressed));
        }

        for (var c = 0; c < rows[0].Length; c++)
        {
            Assert.NotEqual(1, shown.Count(row => row[c].Suppressed));
        }
    }

    [Fact]
    public void DistanceTravelled_ComparesTheFirstAndLatestAssessments()
    {
        var first = new AssessmentRatings(1, LikelihoodRating.High, ConcernRating.Medium, ConcernRating.High, new Dictionary<CafArea, ConcernMarker?> { [CafArea.Health] = ConcernMarker.SignificantConcern });
        var middle = new AssessmentRatings(2, LikelihoodRating.Low, ConcernRating.Low, ConcernRating.Low, new Dictionary<CafArea, ConcernMarker?>());
        var latest = new AssessmentRatings(3, LikelihoodRating.Medium, ConcernRating.Medium, ConcernRating.VeryHigh, new Dictionary<CafArea, ConcernMarker?> { [CafArea.Health] = ConcernMarker.NoConcern });

        var changes = DistanceTravelled.ForChild([latest, first, middle]);

        Assert.Equal([-1, 0, 1, -2], Judgements.Select(m => changes.Single(c => c.Measure == m).Change));
        Assert.Null(changes.Single(c => c.Measure == "Learning").Change);
        Assert.Empty(DistanceTravelled.ForChild([first]));

        var cohort = DistanceTravelled.ForCohort([changes, DistanceTravelled.ForChild([first, middle])]);
        Assert.Equal(new CohortRatingChange("Reoffending", 2, 2, 0, 0), cohort.Single(c => c.Measure == "Reoffending"));
        Assert.Equal(new CohortRatingChange("Wellbeing", 2, 1, 0, 1), cohort.Single(c => c.Measure == "Wellbeing"));
    }
}
