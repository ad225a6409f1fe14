namespace CaseManagement.Web;

/// <summary>The marker type of Resources/SharedResource.resx (English) and SharedResource.cy.resx (Welsh).</summary>
#pragma warning disable CA1052 // A marker for IStringLocalizer<T>; it must be a type that can be named, nothing more.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
