using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Pages;

/// <summary>A page with a form: tells the markup which fields have errors and what they say.</summary>
public abstract class FormPageModel : PageModel
{
    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}

/// <summary>
/// A page that sends one request through the mediator and shows the Application layer's validation messages beside
/// their fields, so a page enforces exactly the rules the API does.
/// </summary>
public abstract class AppPageModel(IMediator mediator) : FormPageModel
{
    protected IMediator Mediator => mediator;

    /// <summary>
    /// Reads a GOV.UK date input: null when left blank, and null with the message recorded against the field when the
    /// parts do not make a real date.
    /// </summary>
    protected DateOnly? ReadDate(string field, string? day, string? month, string? year, string error)
    {
        var (date, problem) = Referrals.Submit.ReferralForm.ParseDate(day, month, year, error);
        if (problem is not null)
        {
            ModelState.AddModelError(field, HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[problem]);
            return null;
        }

        return date == default(DateOnly) ? null : date;
    }

    /// <summary>Sends the request; on a validation failure records each message against its field and returns default.</summary>
    protected async Task<(bool Ok, T? Result)> TrySendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await mediator.Send(request, cancellationToken));
        }
        catch (ValidationException invalid)
        {
            // The Application layer speaks English; a page in Welsh shows the Welsh of each message it knows.
            var text = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            foreach (var error in invalid.Errors)
            {
                // One message per field, as the GOV.UK pattern asks: a problem the page found first (a date that is not
                // a real date) stands, and the rule's message for the same field is not added beside it.
                if (!HasError(error.PropertyName))
                {
                    ModelState.AddModelError(error.PropertyName, text[error.ErrorMessage]);
                }
            }

            return (false, default);
        }
        catch (Domain.Common.DomainRuleException rule)
        {
            // A rule the domain enforces (a decision already taken, a referral not yet linked): shown in the error summary.
            var text = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            ModelState.AddModelError(string.Empty, text[rule.Message]);
            return (false, default);
        }
    }
}
