namespace CaseManagement.Application.Dashboard;

/// <summary>The rules of a period a team report covers (dates inclusive), in the same words on every report.</summary>
internal static class PeriodRules
{
    internal static void ForPeriod<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, DateOnly>> from, System.Linq.Expressions.Expression<Func<T, DateOnly>> to)
    {
        var start = from.Compile();
        var end = to.Compile();
        validator.RuleFor(from).NotEmpty().WithMessage("Enter the start of the period.");
        validator.RuleFor(to).NotEmpty().WithMessage("Enter the end of the period.");
        validator.RuleFor(to).Must((q, value) => value >= start(q)).WithMessage("The end of the period must be on or after its start.");
        validator.RuleFor(q => q).Must(q => end(q).DayNumber - start(q).DayNumber <= 3660).WithMessage("The period must be ten years or shorter.").OverridePropertyName("To");
    }
}
