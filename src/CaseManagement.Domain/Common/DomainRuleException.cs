namespace CaseManagement.Domain.Common;

/// <summary>
/// A request broke a rule of the domain; the message is safe to show to the user. <see cref="Field"/> names the
/// request's property the rule is about, when there is one, so a form can show the message beside that field.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException()
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, string field)
        : base(message) => Field = field;

    /// <summary>The request's property the rule is about (a form's field of the same name); null for the whole request.</summary>
    public string? Field { get; }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
