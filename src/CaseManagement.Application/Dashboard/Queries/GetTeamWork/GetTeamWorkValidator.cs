namespace CaseManagement.Application.Dashboard.Queries.GetTeamWork;

public sealed class GetTeamWorkValidator : AbstractValidator<GetTeamWork>
{
    public GetTeamWorkValidator()
    {
        RuleFor(q => q.From).NotEmpty().WithMessage("Enter the start of the period.");
        RuleFor(q => q.To).NotEmpty().WithMessage("Enter the end of the period.");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The end of the period must be on or after its start.");
        RuleFor(q => q).Must(q => q.To.DayNumber - q.From.DayNumber <= 3660).WithMessage("The period must be ten years or shorter.").OverridePropertyName("To");
    }
}
