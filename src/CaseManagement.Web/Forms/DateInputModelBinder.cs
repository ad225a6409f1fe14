using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CaseManagement.Web.Forms;

/// <summary>
/// Binds a <see cref="DateInput"/> from its three posted parts. It never records an error itself: whether a blank or
/// unreal date is wrong, and what to say, is the page's and the request's business (see <c>AppPageModel.DateOf</c>).
/// </summary>
public sealed class DateInputModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        // The parts are posted beside the field's name, not under it ("OccurredOnDay"), so MVC finds no value with the
        // field's own prefix and falls back to none: the name it began with is the one the parts carry.
        var name = string.IsNullOrEmpty(bindingContext.OriginalModelName) ? bindingContext.FieldName : bindingContext.OriginalModelName;
        string? Part(string part) => bindingContext.ValueProvider.GetValue(name + part).FirstValue;

        bindingContext.Result = ModelBindingResult.Success(new DateInput(Part("Day"), Part("Month"), Part("Year")));
        return Task.CompletedTask;
    }
}
