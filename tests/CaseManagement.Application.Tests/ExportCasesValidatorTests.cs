using CaseManagement.Application.Cases.Queries.ExportCases;
using CaseManagement.Application.Cases.Queries.ListCases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Tests;

/// <summary>The export checks the list as the list does, naming each field as the client sends it (as <c>RequestShape</c> does).</summary>
public sealed class ExportCasesValidatorTests
{
    [Fact]
    public void Validate_AListTheListWouldRefuse_SameFieldsSameNamesSameWords()
    {
        var list = new ListCases(Page: 0, Source: (ReferralSource)99);

        var export = new ExportCasesValidator().Validate(new ExportCases(list)).Errors;
        var own = new ListCasesValidator().Validate(list).Errors;

        Assert.Equal(["Page", "Source"], export.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.Equal(own.Select(e => (e.PropertyName, e.ErrorMessage)), export.Select(e => (e.PropertyName, e.ErrorMessage)));
    }

    [Fact]
    public void Validate_NoList_Refused() =>
        Assert.Equal("List", Assert.Single(new ExportCasesValidator().Validate(new ExportCases(null!)).Errors).PropertyName);
}
