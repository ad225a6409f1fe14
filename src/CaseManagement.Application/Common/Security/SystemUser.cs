namespace CaseManagement.Application.Common.Security;

/// <summary>
/// The system as the sender of a request: the scheduled jobs run as it. It holds only <see cref="Roles.System"/>,
/// belongs to no team and so sees no child's record through the need-to-know rules.
/// </summary>
public sealed class SystemUser : ICurrentUser
{
    public static SystemUser Instance { get; } = new();

    private SystemUser()
    {
    }

    public Guid? UserId => null;

    public bool IsAuthenticated => true;

    public string DisplayName => "System (scheduled job)";

    public string? IpAddress => null;

    public IReadOnlyList<Guid> TeamIds => [];

    public bool IsInRole(string role) => role == Roles.System;
}

/// <summary>
/// Lets a service scope act as someone other than the person of the HTTP request: a scheduled job's scope acts as the
/// <see cref="SystemUser"/>. Set it before anything in the scope asks for <see cref="ICurrentUser"/>.
/// </summary>
public sealed class ActingUser
{
    public ICurrentUser? User { get; private set; }

    public void ActAs(ICurrentUser user) => User = user ?? throw new ArgumentNullException(nameof(user));
}
