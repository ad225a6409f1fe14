using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// The evidence a referral carries about who the child is, beyond name and date of birth (issue 18): read by the
/// request that submits it and by the pages that ask for it.
/// </summary>
public static class ReferralEvidence
{
    /// <summary>
    /// The issuer a sender named, by its name as the API document lists it (any case); null for blank or unknown. A
    /// number is not a name: "3" would otherwise read as the fourth issuer.
    /// </summary>
    public static IdentifierIssuer? Issuer(string? value) => Named<IdentifierIssuer>(value);

    public static bool IsKnownIssuerOrEmpty(string? value) => string.IsNullOrWhiteSpace(value) || Issuer(value) is not null;

    /// <summary>
    /// Whose an e-mail address or phone number is, by its name as the API document lists it (Child or ParentOrCarer, any
    /// case; decision 0092); null for blank or unknown, which matching reads as a parent's or carer's.
    /// </summary>
    public static ContactOwner? Owner(string? value) => Named<ContactOwner>(value);

    public static bool IsKnownOwnerOrEmpty(string? value) => string.IsNullOrWhiteSpace(value) || Owner(value) is not null;

    /// <summary>
    /// The rules for the evidence, wherever it is given: a referral's fields (<c>ChildEmail</c>) or a correction's
    /// (<c>Evidence.Email</c>, decision 0083). One set of rules and words, so a value a referral may give, a correction
    /// may give too.
    /// </summary>
    public static void AddRules<T>(
        AbstractValidator<T> validator,
        Expression<Func<T, string?>> houseNumberOrName,
        Expression<Func<T, string?>> street,
        Expression<Func<T, string?>> town,
        Expression<Func<T, string?>> school,
        Expression<Func<T, IEnumerable<string>?>> parentOrCarerNames,
        (Expression<Func<T, string?>> Value, Expression<Func<T, string?>> Owner) email,
        (Expression<Func<T, string?>> Value, Expression<Func<T, string?>> Owner) phone,
        Expression<Func<T, string?>> otherIdentifier,
        Expression<Func<T, string?>> otherIdentifierIssuer)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(houseNumberOrName).MaximumLength(100).WithMessage("The house number or name must be 100 characters or fewer.");
        validator.RuleFor(street).MaximumLength(200).WithMessage("The street must be 200 characters or fewer.");
        validator.RuleFor(town).MaximumLength(100).WithMessage("The town or village must be 100 characters or fewer.");
        validator.RuleFor(school).MaximumLength(200).WithMessage("The child's school must be 200 characters or fewer.");
        validator.RuleFor(parentOrCarerNames)
            .Must(names => names is null || names.Count() <= PersonDetails.MaxParentOrCarerNames)
            .WithMessage($"Give at most {PersonDetails.MaxParentOrCarerNames} parents' or carers' names.");
        validator.RuleForEach(parentOrCarerNames!)
            .NotEmpty().WithMessage("Enter the parent's or carer's name.")
            .MaximumLength(100).WithMessage("A parent's or carer's name must be 100 characters or fewer.")
            .Must(name => name is null || name.IndexOfAny(['\r', '\n']) < 0).WithMessage("A parent's or carer's name must be on one line.");
        var emailOf = Reader<T>.Of(email.Value);
        var phoneOf = Reader<T>.Of(phone.Value);
        var issuer = Reader<T>.Of(otherIdentifierIssuer);
        var identifier = Reader<T>.Of(otherIdentifier);
        validator.RuleFor(email.Value).MaximumLength(254).WithMessage("The child's or family's email address must be 254 characters or fewer.")
            .EmailAddress().When(r => !string.IsNullOrWhiteSpace(emailOf(r))).WithMessage("Enter the child's or family's email address in the correct format, like name@example.com.");
        validator.RuleFor(phone.Value).MaximumLength(40).WithMessage("The child's or family's telephone number must be 40 characters or fewer.")
            .Matches(Commands.SubmitReferral.SubmitReferralValidator.PhonePattern).When(r => !string.IsNullOrWhiteSpace(phoneOf(r))).WithMessage("Enter the child's or family's telephone number, like 07700 900123.");
        validator.RuleFor(email.Owner).Must(IsKnownOwnerOrEmpty).WithMessage("Select whose email address this is: the child's own, or a parent's or carer's.");
        validator.RuleFor(phone.Owner).Must(IsKnownOwnerOrEmpty).WithMessage("Select whose telephone number this is: the child's own, or a parent's or carer's.");
        validator.RuleFor(otherIdentifier).MaximumLength(50).WithMessage("The other identifier must be 50 characters or fewer.");
        validator.RuleFor(otherIdentifierIssuer)
            .Must(IsKnownIssuerOrEmpty)
            .WithMessage("Select who issued the other identifier.");
        validator.RuleFor(otherIdentifierIssuer)
            .NotEmpty().When(r => !string.IsNullOrWhiteSpace(identifier(r)))
            .WithMessage("Select who issued the other identifier.");
        validator.RuleFor(otherIdentifier)
            .NotEmpty().When(r => !string.IsNullOrWhiteSpace(issuer(r)))
            .WithMessage("Enter the other identifier, or leave who issued it blank.");
    }

    /// <summary>One of an enum's values by its name, any case; a number or a list of names ("3", "A,B") is not a name.</summary>
    private static TEnum? Named<TEnum>(string? value)
        where TEnum : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0]) && !value.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var named) && Enum.IsDefined(named)
            ? named
            : null;

    /// <summary>
    /// A property's reader, compiled once for each property rather than once for each validator: a validator is made
    /// for every request, and a lambda compiled each time cost a submission a dynamic method to build, compile and
    /// finalize (decision 0091). FluentValidation's own <c>RuleFor</c> keeps its readers the same way.
    /// </summary>
    private static class Reader<T>
    {
        private static readonly ConcurrentDictionary<MemberInfo, Func<T, string?>> ByMember = new();

        public static Func<T, string?> Of(Expression<Func<T, string?>> read) =>
            read.Body is MemberExpression { Expression: ParameterExpression } member
                ? ByMember.GetOrAdd(member.Member, _ => read.Compile())
                : read.Compile();
    }
}
