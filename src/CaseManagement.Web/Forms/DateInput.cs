using System.Globalization;

namespace CaseManagement.Web.Forms;

/// <summary>
/// A GOV.UK date input as one form value: the day, month and year as the person typed them (posted as
/// <c>{Name}Day</c>, <c>{Name}Month</c> and <c>{Name}Year</c>), and the date they make. The parts are kept as typed, so
/// a page shown again with an error shows what was typed, and the parts that are wrong are the ones marked.
/// </summary>
[ModelBinder(typeof(DateInputModelBinder))]
public sealed record DateInput(string? Day, string? Month, string? Year)
{
    public static DateInput Empty { get; } = new(null, null, null);

    /// <summary>Nothing was typed in any part.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date the parts make; null when left blank or when they do not make a real date.</summary>
    public DateOnly? Date =>
        Number(Day) is { } d && Number(Month) is { } m && Number(Year) is { } y && y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    /// <summary>Something was typed, but it is not a real date.</summary>
    public bool IsInvalid => !IsEmpty && Date is null;

    /// <summary>
    /// The parts to mark when the date is not real (GOV.UK: only the parts that are wrong); every part when each one
    /// alone could be right but together they are not (the 31st of a 30-day month).
    /// </summary>
    public IReadOnlyList<DatePart> WrongParts
    {
        get
        {
            if (!IsInvalid)
            {
                return [];
            }

            var wrong = new List<DatePart>();
            if (Number(Day) is not (>= 1 and <= 31))
            {
                wrong.Add(DatePart.Day);
            }

            if (Number(Month) is not (>= 1 and <= 12))
            {
                wrong.Add(DatePart.Month);
            }

            if (Number(Year) is not (>= 1900 and <= 2100))
            {
                wrong.Add(DatePart.Year);
            }

            return wrong.Count > 0 ? wrong : [DatePart.Day, DatePart.Month, DatePart.Year];
        }
    }

    /// <summary>The parts of a saved date, to show in the fields; empty for none.</summary>
    public static DateInput From(DateOnly? date) =>
        date is { } d && d != default
            ? new(d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture))
            : Empty;

    private static int? Number(string? part) =>
        int.TryParse(part?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>One part of a GOV.UK date input.</summary>
public enum DatePart
{
    Day,
    Month,
    Year,
}
