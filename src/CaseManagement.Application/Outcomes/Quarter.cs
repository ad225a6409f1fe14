using System.Linq.Expressions;

namespace CaseManagement.Application.Outcomes;

/// <summary>A calendar quarter (1: January to March); the returns are made by quarter.</summary>
public static class Quarter
{
    public static (DateOnly From, DateOnly To) Dates(int year, int quarter)
    {
        var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }

    internal static void ForQuarter<T>(this AbstractValidator<T> validator, Expression<Func<T, int>> year, Expression<Func<T, int>> quarter)
    {
        validator.RuleFor(year).InclusiveBetween(2000, 2100).WithMessage("Enter a year from 2000 to 2100.");
        validator.RuleFor(quarter).InclusiveBetween(1, 4).WithMessage("Choose a quarter from 1 to 4.");
    }

    internal static void ForPeriod<T>(this AbstractValidator<T> validator, Expression<Func<T, DateOnly?>> from, Expression<Func<T, DateOnly?>> to)
    {
        var first = from.Compile();
        validator.RuleFor(from).NotNull().WithMessage("Enter the first day of the period.");
        validator.RuleFor(to).NotNull().WithMessage("Enter the last day of the period.")
            .Must((request, last) => first(request) is not { } start || last >= start).WithMessage("The last day must be the same as or after the first day.");
    }
}
