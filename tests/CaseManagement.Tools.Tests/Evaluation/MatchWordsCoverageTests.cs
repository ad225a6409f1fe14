using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Tools.Tests.Evaluation;

/// <summary>
/// Every sentence the engine writes into an explanation is one the review page and the matches API can say in Welsh
/// (decision 0095): on the labelled sets, no note or reason holds words that are not in <see cref="MatchTexts"/>.
/// </summary>
public sealed class MatchWordsCoverageTests
{
    [Fact]
    public void FindMatches_OnTheLabelledSets_EveryNoteAndReasonIsWordsOfTheCatalogue()
    {
        SyntheticPopulation[] sets =
        [
            SyntheticReferrals.Generate(2_000, seed: 42),
            GecoReferrals.Generate(GecoReferralOptions.Heavy(2_000, 42)).Population,
            GecoReferrals.Generate(GecoReferralOptions.WithHouseholds(2_000, 42)).Population,
        ];
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var vetoes = 0;

        foreach (var set in sets)
        {
            var records = set.Records.Select(r => r.Record).ToList();
            var engine = new MatchingEngine(MatchingOptions.Default, InMemoryNameFrequencies.FromRecords(records));
            var index = CandidateIndex.Build(records);
            foreach (var record in records)
            {
                foreach (var match in engine.FindMatches(record, index, max: 5).Where(m => m.RightId != record.Id))
                {
                    vetoes += match.Vetoes.Count;
                    foreach (var written in match.Fields.Select(f => f.Note).Concat(match.Vetoes.Select(v => v.Reason)))
                    {
                        foreach (var words in MatchWords.Read(written))
                        {
                            _ = MatchTexts.All.Contains(words.Text) ? seen.Add(words.Text) : unknown.Add(words.Text);
                        }
                    }
                }
            }
        }

        Assert.Empty(unknown);
        Assert.True(vetoes > 0 && seen.Count > 10, $"{vetoes} rules fired, {seen.Count} sentences seen: the sets no longer exercise the explanations");
    }
}
