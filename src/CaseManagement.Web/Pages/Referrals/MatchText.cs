using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries.GetMatchCandidates;

namespace CaseManagement.Web.Pages.Referrals;

/// <summary>
/// The engine's notes and reasons in the reader's language, shared by the review page and the matches API
/// (decision 0095): each sentence is read back into its words and values (<see cref="MatchWords.Read"/>), its words
/// looked up in the resources under their English, and filled in. English stays word for word what the engine wrote.
/// </summary>
public sealed class MatchText(IStringLocalizer text)
{
    /// <summary>A note or reason said in the reader's language; a sentence the resources do not know stays as written.</summary>
    public string? Say(string? written)
    {
        if (string.IsNullOrEmpty(written))
        {
            return written;
        }

        return string.Join(' ', MatchWords.Read(written).Select(Say));
    }

    public MatchReviewDto Translate(MatchReviewDto review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review with { Candidates = [.. review.Candidates.Select(Translate)] };
    }

    private MatchCandidateDto Translate(MatchCandidateDto candidate) => candidate with
    {
        Fields = [.. candidate.Fields.Select(f => f with { Note = Say(f.Note), LeftValue = SayValue(f.LeftValue), RightValue = SayValue(f.RightValue) })],
        Vetoes = [.. candidate.Vetoes.Select(v => v with { Reason = Say(v.Reason) ?? v.Reason })],
    };

    private string Say(MatchWords words)
    {
        IReadOnlyList<string> values = MatchTexts.SexValues.Contains(words.Text)
            ? [.. words.Values.Select(v => text[$"Sex.{v}"].Value)]
            : [.. words.Values.Select(v => SayValue(v)!)];
        return words.Format(text[words.Text].Value, CultureInfo.CurrentCulture, values);
    }

    /// <summary>A value in the reader's words where it has some: a given name with the name the child is known by (decision 0099).</summary>
    private string? SayValue(string? value) =>
        MatchTexts.KnownAsParts(value) is { } parts ? MatchWords.Of(MatchTexts.KnownAs, parts.Given, parts.Known).Format(text[MatchTexts.KnownAs].Value, CultureInfo.CurrentCulture) : value;
}
