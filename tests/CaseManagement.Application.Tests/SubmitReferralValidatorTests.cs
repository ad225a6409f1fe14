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
        Consent = ConsentStatus.ChildAndFamily,
        LawfulBasis = LawfulBasis.Consent,
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
        Assert.Equal(expected, CaseManagement.Application.Matching.ReferralIntake.NormalisePostcode(input));
    }
}

public sealed class SubmitReferralConsentAndIdentifierTests
{
    private static SubmitReferralValidator Validator()
    {
        var db = new Mock<CaseManagement.Application.Common.Interfaces.IApplicationDbContext>();
        var user = new Mock<CaseManagement.Application.Common.Interfaces.ICurrentUser>();
        user.SetupGet(u => u.TeamIds).Returns([Guid.NewGuid()]);
        return new SubmitReferralValidator(db.Object, user.Object, new FixedClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)));
    }

    private static SubmitReferral Valid() => new()
    {
        Source = ReferralSource.Education,
        ReferrerName = "Anna Price",
        Concerns = "Attendance has fallen this term.",
        ChildGivenName = "Ffion",
        ChildFamilyName = "Roberts",
        ChildDateOfBirth = new DateOnly(2013, 7, 1),
        Consent = ConsentStatus.ChildAndFamily,
        LawfulBasis = LawfulBasis.Consent,
    };

    [Theory]
    [InlineData(ConsentStatus.NotGiven, LawfulBasis.Consent, false)]
    [InlineData(ConsentStatus.NotSought, LawfulBasis.Consent, false)]
    [InlineData(ConsentStatus.NotSought, LawfulBasis.PublicTask, true)]
    [InlineData(ConsentStatus.ParentOrCarerOnly, LawfulBasis.Consent, true)]
    public async Task Validate_LawfulBasisConsent_NeedsConsentGiven(ConsentStatus consent, LawfulBasis basis, bool valid)
    {
        var result = await Validator().ValidateAsync(Valid() with { Consent = consent, LawfulBasis = basis });

        Assert.Equal(valid, result.Errors.All(e => e.PropertyName != nameof(SubmitReferral.LawfulBasis)));
    }

    [Fact]
    public async Task Validate_NoConsentOrBasis_AsksForBoth()
    {
        var result = await Validator().ValidateAsync(Valid() with { Consent = null, LawfulBasis = null });

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(SubmitReferral.Consent));
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(SubmitReferral.LawfulBasis));
    }

    [Theory]
    [InlineData("943 476 5919", null, null, true)]
    [InlineData("943 476 5918", null, null, false)]
    [InlineData(null, "A123456789012", null, true)]
    [InlineData(null, "B123456789012", null, false)]
    [InlineData(null, null, "12/345678U", true)]
    [InlineData(null, null, "12/345678A", false)]
    public async Task Validate_Identifiers_AreChecked(string? nhs, string? upn, string? pnc, bool valid)
    {
        var result = await Validator().ValidateAsync(Valid() with { ChildNhsNumber = nhs, ChildUniquePupilNumber = upn, ChildPncId = pnc });

        Assert.Equal(valid, result.IsValid);
    }

    /// <summary>
    /// A validator is made for every request: making and running one more compiles nothing (decision 0091). When its
    /// evidence rules compiled their conditions' lambdas for each validator, every submission built four dynamic
    /// methods, had them compiled and left them to the finalizer: a tenth of a loaded server's processor.
    /// </summary>
    [Fact]
    public async Task Validate_AnotherRequest_CompilesNothingNew()
    {
        var request = Valid() with { ChildEmail = "not an address", ChildPhone = "07700 900123", ChildOtherIdentifier = "SC-123", ChildOtherIdentifierIssuer = null };
        for (var warm = 0; warm < 3; warm++)
        {
            await Validator().ValidateAsync(request);
        }

        var before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        var result = await Validator().ValidateAsync(request);
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - before;

        Assert.Equal(0, compiled);
        Assert.Contains(result.Errors, e => e.ErrorMessage == "Enter the child's or family's email address in the correct format, like name@example.com.");
        Assert.Contains(result.Errors, e => e.ErrorMessage == "Select who issued the other identifier.");
    }
}
