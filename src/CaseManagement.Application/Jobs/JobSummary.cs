using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CaseManagement.Application.Jobs;

/// <summary>
/// What a job's run did, as words and numbers kept apart: <see cref="Text"/> is an English composite format (its
/// words are the key the pages and the API look up in the resources, as a rule's message is) and
/// <see cref="Values"/> fill it in. A run stores it as JSON, so the jobs page shows it in the reader's language,
/// not the language of whoever (or whatever) ran the job (docs/decisions/0089).
/// </summary>
public sealed record JobSummary(string Text, IReadOnlyList<long> Values)
{
    public const string RemindersSent = "{0} cases with a review due or overdue; {1} reminders created, {2} already sent; {3} e-mails queued";
    public const string EmailsSent = "{0} e-mails sent, {1} failed (to be tried again), {2} given up";
    public const string WebhooksDelivered = "{0} webhooks delivered, {1} failed (to be tried again), {2} given up";
    public const string DraftsDeleted = "{0} unfinished drafts deleted";
    public const string RetentionListed = "{0} records past their retention date listed for review";
    public const string WeightsTooFewChildren = "Too few children to learn from ({0}, at least {1} needed); the weights in use stay";
    public const string WeightsProposed = "Weights version {0} proposed, learned from {1} children and {2} candidate pairs";
    public const string ChildrenRekeyed = "{0} children given the matching keys of scheme {1}";

    /// <summary>Every summary a job writes, for the resources' check and for reading runs stored as English sentences.</summary>
    public static IReadOnlyList<string> Texts { get; } =
        [RemindersSent, EmailsSent, WebhooksDelivered, DraftsDeleted, RetentionListed, WeightsTooFewChildren, WeightsProposed, ChildrenRekeyed];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly IReadOnlyList<(string Text, Regex Pattern)> Sentences = [.. Texts.Select(t => (t, SentencePattern(t)))];

    public static JobSummary Of(string text, params long[] values) => new(text, values);

    /// <summary>The stored form: JSON with the English format and its numbers.</summary>
    public string Write() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// A stored summary read back. Runs recorded before summaries were stored as JSON hold the English sentence: one
    /// of <see cref="Texts"/> is taken apart again here, the one place that happens, so they read in Welsh too; any
    /// other text is kept as it is, with no values.
    /// </summary>
    public static JobSummary? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (stored[0] == '{')
        {
            try
            {
                if (JsonSerializer.Deserialize<JobSummary>(stored, Json) is { Text: not null, Values: not null } summary)
                {
                    return summary;
                }
            }
            catch (JsonException)
            {
                // Not one of ours: shown as it is, below.
            }
        }

        foreach (var (text, pattern) in Sentences)
        {
            if (pattern.Match(stored) is { Success: true } match)
            {
                var values = match.Groups.Cast<Group>().Skip(1).Select(g => long.TryParse(g.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : (long?)null).ToList();
                if (values.TrueForAll(v => v.HasValue))
                {
                    return new JobSummary(text, [.. values.Select(v => v!.Value)]);
                }
            }
        }

        return new JobSummary(stored, []);
    }

    /// <summary>The summary in English, filled in: what the run's log and the tools read.</summary>
    public override string ToString() => Format(Text, CultureInfo.InvariantCulture);

    /// <summary>
    /// The summary in the words of <paramref name="format"/> (the resources' translation of <see cref="Text"/>). A
    /// stored summary whose numbers do not fit its words (edited in the database, or cut short) is shown as stored,
    /// never a failed page.
    /// </summary>
    public string Format(string format, IFormatProvider culture)
    {
        if (Values.Count == 0)
        {
            return format;
        }

        try
        {
            return string.Format(culture, format, [.. Values.Cast<object>()]);
        }
        catch (FormatException)
        {
            return string.Join(' ', [Text, .. Values.Select(v => v.ToString(culture))]);
        }
    }

    private static Regex SentencePattern(string text) =>
        new("^" + Regex.Replace(Regex.Escape(text), @"\\\{\d+}", @"(-?\d+)") + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
