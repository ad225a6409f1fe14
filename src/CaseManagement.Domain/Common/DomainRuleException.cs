namespace CaseManagement.Domain.Common;

/// <summary>A request broke a rule of the domain; the message is safe to show to the user.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException()
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
