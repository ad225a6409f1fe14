using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CaseManagement.Application.Reminders;

/// <summary>When review reminders go out (the Reminders section) and where their e-mails link to.</summary>
public sealed record ReminderSettings
{
    public const string SectionName = "Reminders";

    /// <summary>A reminder goes to the case manager this many days before the review is due (0: only on the day).</summary>
    public int DueSoonDays { get; init; } = 7;

    /// <summary>A review overdue by more than this many days is escalated to the team's managers.</summary>
    public int EscalateAfterDays { get; init; } = 7;

    /// <summary>The address of the app as people reach it (Email:LinkBaseUrl), for the link in an e-mail; none when empty.</summary>
    public string? LinkBaseUrl { get; init; }

    public static ReminderSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var settings = new ReminderSettings
        {
            DueSoonDays = Read(section, nameof(DueSoonDays), 7),
            EscalateAfterDays = Read(section, nameof(EscalateAfterDays), 7),
            LinkBaseUrl = configuration["Email:LinkBaseUrl"] is { Length: > 0 } link ? link.TrimEnd('/') : null,
        };
        if (settings.DueSoonDays is < 0 or > 90 || settings.EscalateAfterDays is < 0 or > 90)
        {
            throw new InvalidOperationException("Reminders:DueSoonDays and Reminders:EscalateAfterDays must be between 0 and 90.");
        }

        return settings;
    }

    private static int Read(IConfigurationSection section, string key, int fallback) =>
        section[key] is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
