using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CaseManagement.Application.Matching;

/// <summary>
/// The matching settings an operator may change, bound from the <c>Matching</c> configuration section. The running
/// system and the batch <c>match</c> command both build their <see cref="MatchingOptions"/> from it, so the two agree.
/// </summary>
public sealed class MatchingSettings
{
    public const string SectionName = "Matching";

    /// <summary>At or above this score a referral links to the known child automatically.</summary>
    public double UpperThreshold { get; set; } = MatchingOptions.Default.UpperThreshold;

    /// <summary>Below this score the referral is about a new child; between the thresholds a person decides.</summary>
    public double LowerThreshold { get; set; } = MatchingOptions.Default.LowerThreshold;

    /// <summary>Blocking keys holding more records than this are skipped (identifier keys never are).</summary>
    public int MaxCandidatesPerKey { get; set; } = MatchingOptions.Default.MaxCandidatesPerKey;

    /// <summary>How many known records the thresholds are stated for; a smaller batch lowers them to the same odds (<see cref="MatchingOptions.ScaledFor"/>).</summary>
    public int ReferencePopulation { get; set; } = MatchingOptions.Default.ReferencePopulation;

    /// <summary>
    /// The link threshold as a probability (Matching:LinkProbability, e.g. 0.999): when set, the upper threshold is the
    /// weight that makes a pair this likely to be one child, with a prior of one in <see cref="ReferencePopulation"/>
    /// (decision 0066). When set it replaces <see cref="UpperThreshold"/> (which appsettings.json states as 28).
    /// </summary>
    public double? LinkProbability { get; set; }

    /// <summary>The review threshold as a probability (Matching:ReviewProbability, e.g. 0.5); as <see cref="LinkProbability"/>.</summary>
    public double? ReviewProbability { get; set; }

    /// <summary>Reads the <c>Matching</c> section; a value left out keeps its default, a value that is not a number is refused.</summary>
    public static MatchingSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var settings = new MatchingSettings();
        settings.UpperThreshold = Read(section, nameof(UpperThreshold), settings.UpperThreshold);
        settings.LowerThreshold = Read(section, nameof(LowerThreshold), settings.LowerThreshold);
        settings.MaxCandidatesPerKey = (int)Read(section, nameof(MaxCandidatesPerKey), settings.MaxCandidatesPerKey);
        settings.ReferencePopulation = (int)Read(section, nameof(ReferencePopulation), settings.ReferencePopulation);
        settings.LinkProbability = ReadProbability(section, nameof(LinkProbability));
        settings.ReviewProbability = ReadProbability(section, nameof(ReviewProbability));
        settings.ToOptions();
        return settings;
    }

    private static double? ReadProbability(IConfigurationSection section, string name)
    {
        if (string.IsNullOrWhiteSpace(section[name]))
        {
            return null;
        }

        var value = Read(section, name, double.NaN);
        return value is > 0 and < 1
            ? value
            : throw new InvalidOperationException($"{SectionName}:{name} must be a probability above 0 and below 1, not {value.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static double Read(IConfigurationSection section, string name, double fallback)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{SectionName}:{name} must be a number, not \"{text}\".");
    }

    /// <summary>The engine's options: the default m/u table with these thresholds.</summary>
    public MatchingOptions ToOptions()
    {
        if (LowerThreshold > UpperThreshold)
        {
            throw new InvalidOperationException($"Matching:LowerThreshold ({LowerThreshold}) must not be above Matching:UpperThreshold ({UpperThreshold}).");
        }

        if (ReferencePopulation <= 0)
        {
            throw new InvalidOperationException($"Matching:ReferencePopulation ({ReferencePopulation}) must be at least 1.");
        }

        // A threshold set as a probability becomes the weight that gives it (MatchProbability); otherwise the weight as set.
        var prior = MatchProbability.PriorFor(ReferencePopulation);
        var upper = LinkProbability is { } link ? MatchProbability.WeightFor(link, prior) : UpperThreshold;
        var lower = ReviewProbability is { } review ? MatchProbability.WeightFor(review, prior) : LowerThreshold;
        if (lower > upper)
        {
            throw new InvalidOperationException($"The review threshold must not be above the link threshold (Matching:ReviewProbability or LowerThreshold gives {Math.Round(lower, 2)}, Matching:LinkProbability or UpperThreshold {Math.Round(upper, 2)}).");
        }

        return MatchingOptions.Default with
        {
            UpperThreshold = upper,
            LowerThreshold = lower,
            MaxCandidatesPerKey = MaxCandidatesPerKey,
            ReferencePopulation = ReferencePopulation,
        };
    }
}
