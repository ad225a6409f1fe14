using CaseManagement.Application.Cases.Queries.ListCases;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries.ExportCases;

public sealed class ExportCasesValidator : AbstractValidator<ExportCases>
{
    public ExportCasesValidator() => RuleFor(q => q.List).NotNull().SetValidator(new ListCasesValidator());
}
