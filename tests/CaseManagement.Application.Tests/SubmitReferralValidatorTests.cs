using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using Moq;

namespace CaseManagement.Application.Tests;

public sealed class SubmitReferralValidatorTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    private static SubmitReferralValidator Validator(int teams = 1)
    {
        var user = new Mock<ICurrentUser>();
        user.Setup(u => u.TeamIds).Returns(Enumerable.Range(0, teams).Select(_ => Guid.NewGuid()).ToList());
        return new SubmitReferralValidator(Mock.Of<IApplicationDbContext>(), user.Object, Clock);
    }

    private static SubmitReferral Valid() => new()
    {
        Source = ReferralSource.Education,
        ReferrerName = "Anna Price",
        Concerns = "Attendance has fallen this term.",
        Urgency = ReferralUrgency.Routine,
        ChildGivenName = "Ffion",
        ChildFamilyName = "Roberts",
        ChildDateOfBirth = new DateOnly(2013, 7, 1),
        ChildSex = Sex.Female,
        ChildPostcode = "cf40 2xx",
        ChildPreferredLanguage = PreferredLanguage.Welsh,
    };

    [Fact]
    public async Task Validate_CompleteReferral_HasNoErrors()
    {
        var result = await Validator().ValidateAsync(Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task Validate_EmptyReferral_NamesEveryMissingField()
    {
        var result = await Validator().ValidateAsync(new SubmitReferral());

        var fields = result.Errors.Select(e => e.PropertyName).ToHashSet();
        Assert.Superset(new HashSet<string> { "ReferrerName", "Concerns", "ChildGivenName", "ChildFamilyName", "ChildDateOfBirth" }, fields);
        Assert.Contains(result.Errors, e => e.ErrorMessage == "Enter the child's date of birth.");
    }

    [Theory]
    [InlineData(2019, 1, 1, false)] // aged 7
    [InlineData(2018, 11, 22, true)] // 8 today
    [InlineData(2009, 11, 23, true)] // 17, 18 tomorrow
    [InlineData(2008, 11, 22, false)] // 18 today
    public async Task Validate_DateOfBirth_MustBeWithinServiceAge(int year, int month, int day, bool valid)
    {
        var result = await Validator().ValidateAsync(Valid() with { ChildDateOfBirth = new DateOnly(year, month, day) });

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("The child must be aged between 8 and 17.", Assert.Single(result.Errors).ErrorMessage);
        }
    }

    [Theory]
    [InlineData("CF37 1DL", true)]
    [InlineData("cf371dl", true)]
    [InlineData("SA1 1AA", true)]
    [InlineData("not a postcode", false)]
    [InlineData("12345", false)]
    public async Task Validate_Postcode_MustLookLikeAUkPostcode(string postcode, bool valid)
    {
        var result = await Validator().ValidateAsync(Valid() with { ChildPostcode = postcode });

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("cf37 1dl", "CF37 1DL")]
    [InlineData(" CF371DL ", "CF37 1DL")]
    [InlineData("sa11aa", "SA1 1AA")]
    [InlineData("  ", null)]
    public void NormalisePostcode_AnySpacingAndCase_GivesTheStandardForm(string input, string? expected)
    {
        Assert.Equal(expected, CaseManagement.Application.Referrals.Matching.ReferralIntake.NormalisePostcode(input));
    }
}
