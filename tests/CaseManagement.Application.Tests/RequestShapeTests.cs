using CaseManagement.Application.Common.Behaviours;
using FluentValidation;

namespace CaseManagement.Application.Tests;

public sealed class RequestShapeTests
{
    public sealed record Answer(string Text, DateOnly? On);

    public sealed record Period(DateOnly? From, DateOnly? To);

    public sealed record Save(IReadOnlyList<Answer> Answers, Period Period, DateOnly Due);

    /// <summary>A validator written as most are: it takes each item of the list for granted.</summary>
    public sealed class SaveValidator : AbstractValidator<Save>
    {
        public SaveValidator() => RuleFor(s => s.Answers).Must(answers => answers.All(a => a.Text.Length < 100));
    }

    private static Task<string> SendAsync(Save request, Func<Task<string>>? handler = null) =>
        new ValidationBehaviour<Save, string>([new SaveValidator()]).Handle(request, CancellationToken.None, () => (handler ?? (() => Task.FromResult("saved")))());

    [Fact]
    public async Task ValidationBehaviour_NullInAList_RefusedNamingTheItemBeforeAnyValidatorRuns()
    {
        var handled = false;

        var error = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(
            new Save([new Answer("Yes", null), null!], new Period(null, null), default),
            () =>
            {
                handled = true;
                return Task.FromResult("saved");
            }));

        var failure = Assert.Single(error.Errors);
        Assert.Equal("Answers[1]", failure.PropertyName);
        Assert.Equal(RequestShape.EmptyItem, failure.ErrorMessage);
        Assert.False(handled);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-02")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    public async Task ValidationBehaviour_DateOutOfRange_RefusedNamingTheFieldAsTheClientKnowsIt(string date)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new Save([new Answer("Yes", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))], new Period(null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), default)));

        Assert.Equal(["Answers[0].On", "To"], error.Errors.Select(e => e.PropertyName));
        Assert.All(error.Errors, e => Assert.Equal(RequestShape.DateOutOfRange, e.ErrorMessage));
    }

    [Fact]
    public async Task ValidationBehaviour_DatesInRangeAndADateNotGiven_ReachTheHandler()
    {
        var saved = await SendAsync(new Save([new Answer("Yes", new DateOnly(1900, 1, 1))], new Period(new DateOnly(2025, 1, 1), new DateOnly(2199, 12, 31)), default));

        Assert.Equal("saved", saved);
    }
}
