using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace CaseManagement.BrowserTests;

/// <summary>
/// Checks for whole classes of fault that a person meets on any page, run on every page the tests open or check with
/// axe-core: the page scrolls sideways on a phone, an error summary link leads nowhere or its messages are out of
/// the order of the fields, the title does not say "Error:" while the page shows errors, a Welsh page shows English, or
/// a page shows a resource's key instead of its words.
/// </summary>
public static partial class PageChecks
{
    /// <summary>The narrowest phone the pages are made for (an iPhone SE or mini).</summary>
    public const int PhoneWidth = 375;

    /// <summary>
    /// English that may stand on a Welsh page, each with its reason. Everything else the English resources say, where
    /// the Welsh differs, is a string left untranslated.
    /// </summary>
    private static readonly Dictionary<string, string> AllowedOnWelshPages = new(StringComparer.Ordinal)
    {
        // Nothing yet: add "text" = "why it is right in English on a Welsh page".
    };

    /// <summary>
    /// Dotted names that may stand on a page, each with its reason. Any other Dotted.PascalCase word, and any key of the
    /// resources, is a resource's key shown instead of its words.
    /// </summary>
    private static readonly Dictionary<string, string> AllowedDottedNames = new(StringComparer.Ordinal)
    {
        // Nothing yet: add "Name.Name" = "why it is right on a page".
    };

    /// <summary>Every fault of the classes above on the page as it is now, one line each; empty when there is none.</summary>
    public static async Task<IReadOnlyList<string>> FaultsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var faults = new List<string>();
        faults.AddRange(await SidewaysScrollAtPhoneWidthAsync(page));
        faults.AddRange(await ErrorSummaryFaultsAsync(page));
        faults.AddRange(await EnglishOnWelshPageAsync(page));
        faults.AddRange(await ResourceKeysShownAsync(page));
        return faults;
    }

    /// <summary>Fails with every fault found, naming the page.</summary>
    public static async Task AssertNoFaultsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var faults = await FaultsAsync(page);
        if (faults.Count > 0)
        {
            throw new PageFaultException($"{page.Url}:\n" + string.Join("\n", faults));
        }
    }

    /// <summary>At 375 px nothing may push the page wider than the screen; names the widest elements that do.</summary>
    private static async Task<IReadOnlyList<string>> SidewaysScrollAtPhoneWidthAsync(IPage page)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, size?.Height ?? 800);
        try
        {
            var result = await page.EvaluateAsync<JsonElement>(
                """
                async () => {
                    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                    const width = document.documentElement.clientWidth;
                    const scroll = document.documentElement.scrollWidth;
                    if (scroll <= width) return { scroll, width, culprits: [] };
                    const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : '')
                        + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
                    // The outermost elements that stick out: their children stick out with them.
                    const culprits = [...document.body.querySelectorAll('*')]
                        .filter(e => e.getBoundingClientRect().right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
                        .slice(0, 5).map(e => `${describe(e)} (${Math.round(e.getBoundingClientRect().right)} px)`);
                    return { scroll, width, culprits };
                }
                """);
            var scrollWidth = result.GetProperty("scroll").GetInt32();
            var width = result.GetProperty("width").GetInt32();
            return scrollWidth <= width
                ? []
                : [$"scrolls sideways at {PhoneWidth} px: the page is {scrollWidth} px wide ({string.Join(", ", result.GetProperty("culprits").EnumerateArray().Select(c => c.GetString()))})"];
        }
        finally
        {
            if (size is not null)
            {
                await page.SetViewportSizeAsync(size.Width, size.Height);
            }
        }
    }

    /// <summary>
    /// Where the page shows an error summary: its title starts with "Error:" ("Gwall:" in Welsh), each of its links
    /// moves focus to a field (clicked as a person would, so the GOV.UK script does the moving), and the links follow
    /// the order of their fields on the page.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ErrorSummaryFaultsAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            """
            () => {
                const summary = document.querySelector('.govuk-error-summary');
                if (!summary) return null;
                const faults = [];
                const welsh = document.documentElement.lang === 'cy';
                const prefix = welsh ? 'Gwall:' : 'Error:';
                if (!document.title.startsWith(prefix)) faults.push(`the page shows errors but its title does not start with "${prefix}": "${document.title}"`);
                const fields = [];
                for (const link of summary.querySelectorAll('.govuk-error-summary__list a')) {
                    const id = decodeURIComponent((link.getAttribute('href') || '').replace(/^#/, ''));
                    const target = document.getElementById(id);
                    link.click();
                    const focused = document.activeElement;
                    const isField = focused && focused === target && /^(INPUT|SELECT|TEXTAREA)$/.test(focused.tagName) && focused.type !== 'hidden';
                    if (!isField) {
                        faults.push(`the error summary link "${link.textContent.trim()}" (#${id}) does not move focus to a field on the page`);
                    } else {
                        fields.push({ text: link.textContent.trim(), element: target });
                    }
                }
                for (let i = 1; i < fields.length; i++) {
                    if (fields[i - 1].element.compareDocumentPosition(fields[i].element) & Node.DOCUMENT_POSITION_PRECEDING) {
                        faults.push(`the error summary lists "${fields[i].text}" after "${fields[i - 1].text}", but its field comes first on the page`);
                    }
                }
                if (document.activeElement) document.activeElement.blur();
                return faults;
            }
            """);
        return result.ValueKind == JsonValueKind.Array ? result.EnumerateArray().Select(f => f.GetString()!).ToList() : [];
    }

    /// <summary>
    /// On a Welsh page, no text (visible or for screen readers) is one of the English resource strings whose Welsh
    /// differs: an untranslated string, or a value shown by its English name. Text marked lang="en" is English on purpose.
    /// </summary>
    private static async Task<IReadOnlyList<string>> EnglishOnWelshPageAsync(IPage page)
    {
        if (await page.EvaluateAsync<string>("() => document.documentElement.lang") != "cy")
        {
            return [];
        }

        var texts = await page.EvaluateAsync<string[]>(TextsScript, "[lang]:not([lang=\"cy\"])");

        var english = EnglishStrings.Value;
        return texts
            .Where(t => !AllowedOnWelshPages.ContainsKey(t))
            .Select(t => (Text: t, Key: english.Exact.GetValueOrDefault(t) ?? english.Patterns.FirstOrDefault(p => p.Pattern.IsMatch(t)).Key))
            .Where(m => m.Key is not null)
            .Select(m => $"English on a Welsh page: \"{m.Text}\" (resource {m.Key})")
            .ToList();
    }

    /// <summary>
    /// No text on the page (visible or for screen readers) is a resource's key: a key of the resources word for word, or
    /// any Dotted.PascalCase word (Distance.Health, Fairness.By.Sex), which no sentence of the service's has. A key is
    /// what a page shows when it looks up a string that is not there, or shows a value's name where its words belong.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ResourceKeysShownAsync(IPage page)
    {
        var keys = EnglishStrings.Value.Keys;
        return (await page.EvaluateAsync<string[]>(TextsScript, "[data-no-such-element]"))
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim(WordEdges))
            .Where(w => DottedName().IsMatch(w) && !AllowedDottedNames.ContainsKey(w) && (keys.Contains(w) || DottedPascalCase().IsMatch(w)))
            .Distinct(StringComparer.Ordinal)
            .Select(w => $"a resource key shown as text: \"{w}\"" + (keys.Contains(w) ? " (a key of the resources)" : string.Empty))
            .ToList();
    }

    private static readonly char[] WordEdges = ['"', '\'', '(', ')', '[', ']', ',', ';', ':', '!', '?', '.', '“', '”', '‘', '’'];

    /// <summary>
    /// Every text of the page's body, once each (visible or for screen readers: aria-label, title, alt, placeholder), but
    /// none inside the elements the selector given names.
    /// </summary>
    private const string TextsScript = """
        (skipped) => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const texts = new Set();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('script, style, template, ' + skipped)) continue;
                const text = node.textContent.replace(/\s+/g, ' ').trim();
                if (text.length > 1) texts.add(text);
            }
            for (const element of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
                if (element.closest(skipped)) continue;
                for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
                    const value = (element.getAttribute(name) || '').trim();
                    if (value.length > 1) texts.add(value);
                }
            }
            return [...texts];
        }
        """;

    private sealed record EnglishResources(IReadOnlyDictionary<string, string> Exact, IReadOnlyList<(Regex Pattern, string Key)> Patterns, IReadOnlySet<string> Keys);

    /// <summary>
    /// The English resource strings whose Welsh differs (exact strings, and patterns for those with values filled in),
    /// and every key of the resources.
    /// </summary>
    private static readonly Lazy<EnglishResources> EnglishStrings = new(() =>
    {
        static Dictionary<string, string> Read(string path) =>
            XDocument.Load(path).Root!.Elements("data")
                .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty, StringComparer.Ordinal);

        var folder = Path.Combine(SolutionDirectory(), "src", "CaseManagement.Web", "Resources");
        var en = Read(Path.Combine(folder, "SharedResource.resx"));
        var cy = Read(Path.Combine(folder, "SharedResource.cy.resx"));
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var patterns = new List<(Regex, string)>();
        foreach (var (key, value) in en)
        {
            var text = Whitespace().Replace(value, " ").Trim();
            if (text.Length < 2 || !cy.TryGetValue(key, out var welsh) || Whitespace().Replace(welsh, " ").Trim() == text)
            {
                continue;
            }

            if (!Placeholder().IsMatch(text))
            {
                exact.TryAdd(text, key);
            }
            else if (Placeholder().Replace(text, string.Empty).Count(char.IsLetter) >= 8)
            {
                // A sentence with values filled in: the words around the values must not be there in English.
                var pattern = "^" + string.Join(".+?", Placeholder().Split(text).Select(Regex.Escape)) + "$";
                patterns.Add((new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), key));
            }
        }

        return new EnglishResources(exact, patterns, en.Keys.ToHashSet(StringComparer.Ordinal));
    });

    private static string SolutionDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseManagement.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The tests run from inside the repository.");
    }

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Words joined by dots, nothing else: not an address, a sentence's end or a number with a unit.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$")]
    private static partial Regex DottedName();

    /// <summary>Each part starts with a capital or a digit, and there are small letters (Distance.Health, not ASP.NET).</summary>
    [GeneratedRegex(@"^(?=.*[a-z])[A-Z0-9][A-Za-z0-9]*(\.[A-Z0-9][A-Za-z0-9]*)+$")]
    private static partial Regex DottedPascalCase();
}

/// <summary>A page shows a fault of one of the classes <see cref="PageChecks"/> looks for.</summary>
public sealed class PageFaultException : Exception
{
    public PageFaultException()
    {
    }

    public PageFaultException(string message)
        : base(message)
    {
    }

    public PageFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
