using CaseManagement.Application.Cases.Queries.ListCases;

namespace CaseManagement.Application.Cases.Queries.ExportCases;

public sealed class ExportCasesValidator : AbstractValidator<ExportCases>
{
    private static readonly ListCasesValidator ListRules = new();

    public ExportCasesValidator()
    {
        RuleFor(q => q.List).NotNull();

        // The list's fields keep the names the client sends them by ("Source", not "List.Source"), as RequestShape names a
        // nested record's fields and as the list itself names them: one field, one name, whichever checks it.
        RuleFor(q => q.List).Custom((list, context) =>
        {
            if (list is null)
            {
                return;
            }

            foreach (var failure in ListRules.Validate(list).Errors)
            {
                context.AddFailure(failure);
            }
        });
    }
}
