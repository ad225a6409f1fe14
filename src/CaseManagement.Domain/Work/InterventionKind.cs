namespace CaseManagement.Domain.Work;

/// <summary>
/// A kind of intervention a team offers (mentoring, speech and language, ...), named in English and Welsh. Each team
/// starts with the standard kinds and keeps its own list: its manager adds, renames and retires kinds. A retired kind
/// is offered no more, but the interventions that used it keep it, so old records still read as they were written.
/// Not to be confused with a case's <c>InterventionType</c> (prevention, diversion), which is the kind of case.
/// </summary>
public sealed class InterventionKind : Entity
{
    public const int NameMaxLength = 100;

    /// <summary>The kinds every team starts with (issue 17), English and Welsh.</summary>
    public static IReadOnlyList<(string English, string Welsh)> Standard { get; } =
    [
        ("Mentoring", "Mentora"),
        ("Diversionary and sports activity", "Gweithgareddau dargyfeiriol a chwaraeon"),
        ("Education and training support", "Cymorth addysg a hyfforddiant"),
        ("Speech and language", "Lleferydd ac iaith"),
        ("Emotional health", "Iechyd emosiynol"),
        ("Substance use", "Defnyddio sylweddau"),
        ("Healthy relationships", "Perthnasoedd iach"),
        ("Parenting support", "Cymorth rhianta"),
        ("Restorative and victim awareness", "Gwaith adferol ac ymwybyddiaeth o ddioddefwyr"),
        ("Knife crime and serious violence", "Troseddau cyllyll a thrais difrifol"),
        ("Exploitation", "Camfanteisio"),
    ];

    // For EF Core.
    private InterventionKind()
        : base(Guid.Empty)
    {
        NameEnglish = string.Empty;
        NameWelsh = string.Empty;
    }

    private InterventionKind(Guid teamId, string english, string welsh, int order, DateTime nowUtc)
        : base(Guid.NewGuid())
    {
        TeamId = teamId;
        NameEnglish = english;
        NameWelsh = welsh;
        SortOrder = order;
        CreatedAtUtc = nowUtc;
    }

    public Guid TeamId { get; private set; }

    public string NameEnglish { get; private set; }

    public string NameWelsh { get; private set; }

    /// <summary>Where the kind comes in the team's list: the standard kinds first, then the team's own in the order added.</summary>
    public int SortOrder { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? RetiredAtUtc { get; private set; }

    public bool IsRetired => RetiredAtUtc is not null;

    /// <summary>The standard kinds for a new team.</summary>
    public static IReadOnlyList<InterventionKind> StandardFor(Guid teamId, DateTime nowUtc) =>
        Standard.Select((k, i) => new InterventionKind(teamId, k.English, k.Welsh, i + 1, nowUtc)).ToList();

    /// <summary>A kind of the team's own; <paramref name="existing"/> is the team's list, so that no two kinds share a name.</summary>
    public static InterventionKind Add(Guid teamId, string english, string welsh, IReadOnlyCollection<InterventionKind> existing, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var (en, cy) = CheckNames(english, welsh, existing, null);
        return new InterventionKind(teamId, en, cy, existing.Count == 0 ? 1 : existing.Max(k => k.SortOrder) + 1, nowUtc);
    }

    public void Rename(string english, string welsh, IReadOnlyCollection<InterventionKind> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        (NameEnglish, NameWelsh) = CheckNames(english, welsh, existing, Id);
    }

    public void Retire(DateTime nowUtc)
    {
        if (IsRetired)
        {
            throw new DomainRuleException("This kind of intervention has already been retired.");
        }

        RetiredAtUtc = nowUtc;
    }

    /// <summary>Offers a retired kind again.</summary>
    public void Restore()
    {
        if (!IsRetired)
        {
            throw new DomainRuleException("This kind of intervention is offered already.");
        }

        RetiredAtUtc = null;
    }

    /// <summary>The name in the language of the page (Welsh for "cy").</summary>
    public static string NameIn(string language, string english, string welsh) =>
        string.Equals(language, "cy", StringComparison.OrdinalIgnoreCase) ? welsh : english;

    private static (string English, string Welsh) CheckNames(string english, string welsh, IReadOnlyCollection<InterventionKind> existing, Guid? self)
    {
        if (string.IsNullOrWhiteSpace(english))
        {
            throw new DomainRuleException("Enter the name in English.", "NameEnglish");
        }

        if (string.IsNullOrWhiteSpace(welsh))
        {
            throw new DomainRuleException("Enter the name in Welsh.", "NameWelsh");
        }

        var en = english.Trim();
        var cy = welsh.Trim();
        if (existing.Any(k => k.Id != self && string.Equals(k.NameEnglish, en, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleException("The team already has a kind of intervention with this name.", "NameEnglish");
        }

        if (existing.Any(k => k.Id != self && string.Equals(k.NameWelsh, cy, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleException("The team already has a kind of intervention with this Welsh name.", "NameWelsh");
        }

        return (en, cy);
    }
}
