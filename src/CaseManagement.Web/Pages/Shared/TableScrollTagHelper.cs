using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// Every GOV.UK table sits in its own scroll container (the one pattern for tables at phone width): a table wider than
/// the screen scrolls inside the page, never the page itself. The container is focusable, so a keyboard can scroll it,
/// and is named by the table's caption.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed partial class TableScrollTagHelper(IStringLocalizer<SharedResource> text) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var classes = output.Attributes["class"]?.Value?.ToString() ?? string.Empty;
        if (!classes.Split(' ').Contains("govuk-table", StringComparer.Ordinal))
        {
            return;
        }

        var content = await output.GetChildContentAsync();
        var caption = Caption().Match(content.GetContent());
        var label = caption.Success ? WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")).Trim() : string.Empty;
        if (label.Length == 0)
        {
            label = text["Table.Scroll"];
        }

        output.PreElement.AppendHtml($"<div class=\"app-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        output.PostElement.AppendHtml("</div>");
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
