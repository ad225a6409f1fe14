namespace CaseManagement.Application.Matching;

/// <summary>
/// Turns a match weight into the probability it stands for and back (Fellegi-Sunter with a prior), so thresholds can be
/// set and shown as "linked when 99.9% likely" rather than as a sum of log-ratios (docs/decisions/0066).
/// </summary>
/// <remarks>
/// A pair's score W is the log2 likelihood ratio of its evidence; with a prior probability π that two records are the
/// same child before any field is compared, the posterior odds are 2^W × π/(1 − π). Intake compares a referral with
/// each of the register's records, so π is one in <see cref="MatchingOptions.ReferencePopulation"/>.
/// </remarks>
public static class MatchProbability
{
    /// <summary>The prior of a pair when a record is compared with <paramref name="population"/> others, at most one of them the same child.</summary>
    public static double PriorFor(int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(population);
        return population == 1 ? 0.5 : 1.0 / population;
    }

    /// <summary>The weight a pair needs to be the same child with <paramref name="probability"/>, given the prior.</summary>
    public static double WeightFor(double probability, double prior)
    {
        Check(probability, nameof(probability));
        Check(prior, nameof(prior));
        return Math.Log2(probability / (1 - probability)) - Math.Log2(prior / (1 - prior));
    }

    /// <summary>The probability that a pair of this weight is the same child, given the prior.</summary>
    public static double ProbabilityOf(double weight, double prior)
    {
        Check(prior, nameof(prior));
        var logOdds = weight + Math.Log2(prior / (1 - prior));
        return 1 / (1 + Math.Pow(2, -logOdds));
    }

    /// <summary>
    /// The probability that a pair scored by an engine with these options is the same child: the prior is one in the
    /// options' reference population, as at intake. The one way every page and answer turns a score into a probability
    /// (decision 0084).
    /// </summary>
    public static double ProbabilityOf(double weight, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ProbabilityOf(weight, PriorFor(options.ReferencePopulation));
    }

    private static void Check(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "A probability here must be above 0 and below 1.");
        }
    }
}
