using FluentValidation;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
    /// The date a GOV.UK date input makes: null when left blank (the request's rules say whether it may be), and null
    /// with the message recorded against the field when the parts do not make a real date.
    /// </summary>
    protected DateOnly? DateOf(string field, Forms.DateInput input, string error)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsInvalid)
        {
            ModelState.AddModelError(field, HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[error]);
        }

        return input.Date;
    }

    /// <summary>
    /// A word of the page's address that the page reads as one of its own choices (a status, an outcome, a service): one
    /// it does not know is said at its field and the error summary shown (decision 0118), not read as "any" or as the
    /// default. True when the word was given and is not known.
    /// </summary>
    /// <param name="field">The field that chooses the word, where the message is shown.</param>
    /// <param name="given">The word as the address gave it; blank means none was chosen.</param>
    /// <param name="known">Whether the page read the word as one of its choices.</param>
    /// <param name="error">The message's key in the resource table.</param>
    protected bool RefuseUnknown(string field, string? given, bool known, string error)
    {
        if (string.IsNullOrWhiteSpace(given) || known)
        {
            return false;
        }

        Refuse(field, error);
        return true;
    }

    /// <summary>Says <paramref name="error"/> (a resource key) at <paramref name="field"/> and shows the error summary: the page did not do what its address asked.</summary>
    protected void Refuse(string field, string error)
    {
        ModelState.AddModelError(field, HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[error]);
        Partials.ErrorSummary.Refused(HttpContext);
    }

    /// <summary>
    /// Sends the request; on a validation failure records each message against its field and returns default. When the
    /// page has already found a problem (a date that is not a real date), the request is not sent but its rules are
    /// still checked, so that a person sees every message in one round.
    /// </summary>
    /// <param name="request">The request to send.</param>
    /// <param name="cancellationToken">Ends the wait when the person leaves the page.</param>
    /// <param name="onlyChecks">
    /// The request itself only checks its answers this time (it says so, as a draft's <c>CheckOnly</c> does), so it is
    /// sent even when the page has found a problem: its handler's checks then show in the same round.
    /// </param>
    protected async Task<(bool Ok, T? Result)> TrySendAsync<T>(IRequest<T> request, CancellationToken cancellationToken, bool onlyChecks = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ModelState.IsValid && !onlyChecks)
        {
            await CheckOnlyAsync(request, cancellationToken);
            return Refused();
        }

        try
        {
            return (true, await mediator.Send(request, cancellationToken));
        }
        catch (ValidationException invalid)
        {
            AddErrors(invalid.Errors);
            return Refused();
        }
        catch (Domain.Common.DomainRuleException rule)
        {
            // A rule the domain enforces (a decision already taken, a referral not yet linked): shown in the error summary.
            var text = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            ModelState.AddModelError(rule.Field ?? string.Empty, text[rule.Message]);
            return Refused();
        }

        // The page could not do what it was asked: its error summary says why, even where it draws no field (a GET page).
        (bool, T?) Refused()
        {
            Partials.ErrorSummary.Refused(HttpContext);
            return (false, default);
        }
    }

    /// <summary>Runs the request's validators without sending it, and records what they find.</summary>
    private async Task CheckOnlyAsync(object request, CancellationToken cancellationToken)
    {
        var type = request.GetType();
        var validators = (IEnumerable<IValidator>)HttpContext.RequestServices.GetRequiredService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(type)));
        var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), request)!;
        foreach (var validator in validators)
        {
            AddErrors((await validator.ValidateAsync(context, cancellationToken)).Errors);
        }
    }

    private void AddErrors(IEnumerable<FluentValidation.Results.ValidationFailure> errors)
    {
        // The Application layer speaks English; a page in Welsh shows the Welsh of each message it knows.
        var text = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var error in errors)
        {
            // One message per field, as the GOV.UK pattern asks: a problem the page found first (a date that is not
            // a real date) stands, and the rule's message for the same field is not added beside it.
            if (!HasError(error.PropertyName))
            {
                ModelState.AddModelError(error.PropertyName, MessageFor(error, text));
            }
        }
    }

    /// <summary>
    /// The message a person reads for a rule's failure: its Welsh where the page is in Welsh. A page whose fields repeat
    /// (one per question) says which one the message is about, where the rule's own words cannot.
    /// </summary>
    protected virtual string MessageFor(FluentValidation.Results.ValidationFailure failure, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(text);
        return text[failure.ErrorMessage];
    }
}
