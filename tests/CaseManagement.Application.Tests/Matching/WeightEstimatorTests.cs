using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class WeightEstimatorTests
{
    /// <summary>3,000 children, each written twice: the second copy has its postcode missing one time in five, its date of birth one time in ten.</summary>
    private static readonly List<PersonRecord> Rows = Written();

    private static readonly WeightEstimate Learned = WeightEstimator.Estimate(Rows, MatchingOptions.Default);

    private static List<PersonRecord> Written()
    {
        var children = SyntheticChildren.Generate(3_000);
        var random = new Random(7);
        var rows = new List<PersonRecord>(children);
        foreach (var child in children)
        {
            rows.Add(child with
            {
                Id = Guid.NewGuid(),
                Postcode = random.NextDouble() < 0.2 ? null : child.Postcode,
                DateOfBirth = random.NextDouble() < 0.1 ? child.DateOfBirth!.Value.AddDays(random.Next(40, 400)) : child.DateOfBirth,
            });
        }

        return rows;
    }

    [Fact]
    public void Estimate_DuplicatedRows_LearnsThatAgreementIsCommonAmongMatchesAndRareAmongRandomPairs()
    {
        var estimate = Learned;
        var table = estimate.Options.Probabilities;

        // A date of birth that differs in one row in ten: m of Exact near 0.9, far from the configured 0.92 only by chance.
        Assert.InRange(table[MatchField.DateOfBirth][AgreementLevel.Exact].M, 0.8, 0.97);

        // u from random pairs: two random children share a birth date about once in 3,650, a given name once in 30 or so.
        Assert.InRange(table[MatchField.DateOfBirth][AgreementLevel.Exact].U, 0.00005, 0.002);
        Assert.InRange(table[MatchField.GivenName][AgreementLevel.Exact].U, 0.01, 0.1);

        // The copies disagree on nothing but the date: Disagree of the names is rare among matches.
        Assert.True(table[MatchField.FamilyName][AgreementLevel.Disagree].M < 0.05);
        Assert.True(estimate.CandidatePairs > 3_000);
        Assert.InRange(estimate.MatchShare, 0.0001, 0.9);
    }

    [Fact]
    public void Estimate_EveryChildWrittenTwiceWithHerNhsNumber_AgreeingNumberWeighsAsAnIdentifier()
    {
        // Among random pairs of these rows about one in 6,000 is the same child, and only those share an NHS number.
        // Counted as chance agreement they made the number weigh about 12.5; two different children never share one.
        var random = new Random(11);
        var rows = new List<PersonRecord>();
        foreach (var child in SyntheticChildren.Generate(3_000))
        {
            var numbered = child with { NhsNumber = NhsNumber(random) };
            rows.Add(numbered);
            rows.Add(numbered with { Id = Guid.NewGuid(), Postcode = random.NextDouble() < 0.2 ? null : child.Postcode });
        }

        var exact = WeightEstimator.Estimate(rows, MatchingOptions.Default).Options.Probabilities[MatchField.NhsNumber][AgreementLevel.Exact];

        Assert.True(exact.Weight > 16, $"An agreeing NHS number weighs {exact.Weight:0.0}.");
    }

    [Fact]
    public void Estimate_EveryChildWrittenTwiceAtHerHome_AgreeingPostcodeWeighsByStrangersAlone()
    {
        // Decision 0113: two of these children share a postcode by chance about once in 150,000 pairs; the child's own
        // two rows, one random pair in 6,000, are nearly all the random pairs that agree. Counted as chance they made
        // an agreeing postcode weigh about 12.5 (the labels' truth on GeCo heavy: 16.6, learned 12.6).
        var exact = Learned.Options.Probabilities[MatchField.Postcode][AgreementLevel.Exact];

        Assert.True(exact.Weight > 15, $"An agreeing postcode weighs {exact.Weight:0.0}.");
    }

    private static string NhsNumber(Random random)
    {
        while (true)
        {
            var digits = Enumerable.Range(0, 9).Select(_ => random.Next(10)).ToArray();
            var check = 11 - (digits.Select((d, i) => d * (10 - i)).Sum() % 11);
            if (check != 10)
            {
                return string.Concat(digits) + (check == 11 ? 0 : check);
            }
        }
    }

    [Fact]
    public void Estimate_RowsThatSayLittleAfterTheirChild_LearnsFromTheirPairsAsWhenTheyComeFirst()
    {
        // Decision 0113: a row with neither family name nor date of birth finds its child through the given name with
        // the town (0107), a search the child's full row does not make. Counted only from the earlier row's search, such
        // pairs were learned from when the short row came first and never when it came second.
        var random = new Random(3);
        string[] towns = ["Swansea", "Treorchy", "Porth", "Bangor", "Wrexham", "Aberystwyth", "Newport", "Rhyl"];
        var children = SyntheticChildren.Generate(1_500).Select(c => c with { Town = towns[random.Next(towns.Length)] }).ToList();
        var little = children.Select(c => new PersonRecord(Guid.NewGuid(), c.GivenName, null, Town: c.Town)).ToList();

        var shortRowsFirst = WeightEstimator.Estimate([.. little, .. children], MatchingOptions.Default);
        var shortRowsLast = WeightEstimator.Estimate([.. children, .. little], MatchingOptions.Default);

        Assert.True(shortRowsFirst.CandidatePairs > 10_000, $"{shortRowsFirst.CandidatePairs} candidate pairs.");
        Assert.Equal(shortRowsFirst.CandidatePairs, shortRowsLast.CandidatePairs);
    }

    [Fact]
    public void Estimate_SameRows_SameTable()
    {
        var first = Learned.Options.Probabilities;
        var second = WeightEstimator.Estimate(Rows, MatchingOptions.Default).Options.Probabilities;

        foreach (var (field, levels) in first)
        {
            foreach (var (level, probabilities) in levels)
            {
                Assert.Equal(probabilities, second[field][level]);
            }
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Estimate_OnSeveralThreads_SameEstimateAsOneToTheLastBit(int threads)
    {
        // Decision 0117: the pairs are compared on several threads; the table, λ, the pairs and the rounds may not differ.
        var serial = WeightEstimator.Estimate(Rows, MatchingOptions.Default, maxDegreeOfParallelism: 1);

        var parallel = WeightEstimator.Estimate(Rows, MatchingOptions.Default, maxDegreeOfParallelism: threads);

        Assert.Equal(serial.MatchShare, parallel.MatchShare);
        Assert.Equal(serial.CandidatePairs, parallel.CandidatePairs);
        Assert.Equal(serial.Iterations, parallel.Iterations);
        foreach (var (field, levels) in serial.Options.Probabilities)
        {
            foreach (var (level, probabilities) in levels)
            {
                Assert.Equal(probabilities, parallel.Options.Probabilities[field][level]);
            }
        }
    }

    [Fact]
    public void CandidatePatterns_OnSeveralThreads_TheCountsOneThreadMakesInTheOrderItMakesThem()
    {
        // The expectation maximisation sums over the patterns in the dictionary's order: the merged counts must come in
        // the order of first sight over the pairs one after another, not only with the same numbers.
        var index = CandidateIndex.Build(Rows);
        var oneByOne = new Dictionary<FieldLevels, long>();
        foreach (var (lower, higher) in index.CandidatePairs(MatchingOptions.Default.MaxCandidatesPerKey))
        {
            var levels = FieldComparer.Compare(index.Record(lower), index.Record(higher), out _);
            oneByOne[levels] = oneByOne.GetValueOrDefault(levels) + 1;
        }

        var (patterns, pairs) = WeightEstimator.CandidatePatterns(index, MatchingOptions.Default.MaxCandidatesPerKey, new ParallelOptions { MaxDegreeOfParallelism = 4 });

        Assert.True(oneByOne.Count > 50, $"{oneByOne.Count} patterns.");
        Assert.Equal(oneByOne.ToList(), patterns.ToList());
        Assert.Equal(oneByOne.Values.Sum(), pairs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    public void CandidatePatterns_MoreRangesThanOneWave_TheCountsOneThreadMakesInTheOrderItMakesThem(int threads)
    {
        // 6,000 rows in ranges of 50: 120 ranges, many waves of four ranges a thread, each wave merged and dropped before
        // the next; the merged dictionary may not differ from the pairs counted one after another, in count or order.
        var index = CandidateIndex.Build(Rows);
        var oneByOne = new Dictionary<FieldLevels, long>();
        foreach (var (lower, higher) in index.CandidatePairs(MatchingOptions.Default.MaxCandidatesPerKey))
        {
            var levels = FieldComparer.Compare(index.Record(lower), index.Record(higher), out _);
            oneByOne[levels] = oneByOne.GetValueOrDefault(levels) + 1;
        }

        var (patterns, pairs) = WeightEstimator.CandidatePatterns(
            index, MatchingOptions.Default.MaxCandidatesPerKey, new ParallelOptions { MaxDegreeOfParallelism = threads }, rowsPerRange: 50);

        Assert.True(oneByOne.Count > 50, $"{oneByOne.Count} patterns.");
        Assert.Equal(oneByOne.ToList(), patterns.ToList());
        Assert.Equal(oneByOne.Values.Sum(), pairs);
    }

    [Fact]
    public void Estimate_Cancelled_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => WeightEstimator.Estimate(CandidateIndex.Build(Rows), MatchingOptions.Default, maxDegreeOfParallelism: 2, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void RandomPairLevels_OnSeveralThreads_TheCountsOfThePairsDrawnOneAfterAnother()
    {
        var index = CandidateIndex.Build(Rows);
        var random = new Random(3);
        var oneByOne = new Dictionary<FieldLevels, long>();
        for (var n = 0; n < 25_000; n++)
        {
            var a = random.Next(index.Count);
            var b = random.Next(index.Count - 1);
            var levels = FieldComparer.Compare(index.Record(a), index.Record(b >= a ? b + 1 : b), out _);
            oneByOne[levels] = oneByOne.GetValueOrDefault(levels) + 1;
        }

        var patterns = WeightEstimator.RandomPairLevels(index, 25_000, 3, new ParallelOptions { MaxDegreeOfParallelism = 4 });

        Assert.True(oneByOne.Count > 20, $"{oneByOne.Count} patterns.");
        Assert.Equal(oneByOne.ToList(), patterns.ToList());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Estimate_NoThreads_Refused(int threads)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightEstimator.Estimate(CandidateIndex.Build(Rows), MatchingOptions.Default, maxDegreeOfParallelism: threads));
    }

    [Fact]
    public void ForBatch_FromTheIndex_SameAsFromTheRows()
    {
        var fromRows = WeightEstimator.ForBatch(Rows, MatchingOptions.Default);

        var fromIndex = WeightEstimator.ForBatch(CandidateIndex.Build(Rows), MatchingOptions.Default);

        Assert.Equal(fromRows.CandidatePairs, fromIndex.CandidatePairs);
        Assert.Equal(fromRows.MatchShare, fromIndex.MatchShare);
    }

    [Fact]
    public void Estimate_LearnedOptions_StillValidForTheEngine()
    {
        var learned = Learned.Options;

        var engine = new MatchingEngine(learned);
        var result = engine.Compare(Rows[0], Rows[3_000]);

        Assert.NotEqual(MatchDecision.NewChild, result.Decision);
    }

    [Fact]
    public void ForBatch_EnoughRows_LearnsTheTable()
    {
        var estimate = WeightEstimator.ForBatch(Rows, MatchingOptions.Default);

        Assert.True(estimate.CandidatePairs > 0);
        Assert.NotEqual(MatchingOptions.Default.Probabilities[MatchField.DateOfBirth][AgreementLevel.Exact], estimate.Options.Probabilities[MatchField.DateOfBirth][AgreementLevel.Exact]);
    }

    [Fact]
    public void ForBatch_FewRows_KeepsTheConfiguredTable()
    {
        var estimate = WeightEstimator.ForBatch(Rows.Take(WeightEstimator.SmallestBatchToLearnFrom - 1).ToList(), MatchingOptions.Default);

        Assert.Equal(0, estimate.CandidatePairs);
        Assert.Same(MatchingOptions.Default, estimate.Options);
    }
}
