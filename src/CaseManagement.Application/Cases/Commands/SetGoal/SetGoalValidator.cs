using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.SetGoal;

public sealed class SetGoalValidator : AbstractValidator<SetGoal>
{
    public SetGoalValidator() => Include(new GoalFieldsValidator());
}
