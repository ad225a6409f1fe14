namespace CaseManagement.Application.Common.Security;

/// <summary>
/// Says who may send a request: any signed-in user when no roles are named, otherwise a user in one of them.
/// Checked by the authorisation behaviour, so pages and API obey the same rule.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>A request anyone may send, signed in or not (the public self-referral form, for example).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousAttribute : Attribute
{
}
