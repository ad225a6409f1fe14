using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using FluentValidation.Results;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Two rules every request keeps, whatever its own validator says: no list holds an empty (null) item, and no date
/// lies outside the years a record of this service can be about. A JSON body can say <c>[null]</c> or
/// <c>9999-12-31</c> to any endpoint; checked here once, for every list and date of every request (nested records
/// included), the validators and handlers after it may take both for granted instead of each guarding against them.
/// </summary>
public static class RequestShape
{
    public const string EmptyItem = "The list must not have an empty item.";

    public const string DateOutOfRange = "The date must be between 1900 and 2199.";

    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    // Records nest a few levels at most; the limit only stops a cycle.
    private const int MaxDepth = 6;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The failures of <paramref name="request"/>, named as the validators name fields (<c>Areas[0]</c>, <c>Filter.To</c>).</summary>
    public static IReadOnlyList<ValidationFailure> Check(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var failures = new List<ValidationFailure>();
        Visit(request, string.Empty, failures, 0);
        return failures;
    }

    private static void Visit(object value, string path, List<ValidationFailure> failures, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), ReadableProperties))
        {
            var item = property.GetValue(value);
            if (item is not null && item is not IEnumerable && IsOwnRecord(item.GetType()))
            {
                // A record nested in a request mostly groups its fields (an audit filter); it is not a level of what the
                // client sent, so its fields keep the names the client knows them by. One the client sends as an object
                // of its own (a correction's evidence) is a level: its fields are named under it, as its validator names them.
                var level = item.GetType().IsDefined(typeof(SentAsAnObjectAttribute), inherit: false);
                Visit(item, level ? Named(path, property.Name) : path, failures, depth + 1);
            }
            else if (item is DateOnly given && given == default && Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                // A date that may be left out and was not: 0001-01-01 was sent, and is as far out of range as 9999-12-31.
                failures.Add(new ValidationFailure(Named(path, property.Name), DateOutOfRange) { AttemptedValue = given });
            }
            else if (item is not null)
            {
                VisitValue(item, Named(path, property.Name), failures, depth);
            }
        }
    }

    private static string Named(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void VisitValue(object value, string name, List<ValidationFailure> failures, int depth)
    {
        switch (value)
        {
            case string:
                return;
            case DateOnly date:
                CheckDate(date, name, failures);
                return;
            case DateTime time:
                CheckDate(DateOnly.FromDateTime(time), name, failures);
                return;
            case DateTimeOffset time:
                CheckDate(DateOnly.FromDateTime(time.UtcDateTime), name, failures);
                return;
            case IEnumerable items when MayHoldNullOrDates(items.GetType()):
                var index = 0;
                foreach (var item in items)
                {
                    var itemName = string.Create(CultureInfo.InvariantCulture, $"{name}[{index++}]");
                    if (item is null)
                    {
                        failures.Add(new ValidationFailure(itemName, EmptyItem));
                    }
                    else
                    {
                        VisitValue(item, itemName, failures, depth + 1);
                    }
                }

                return;
            case IEnumerable:
                return;
            default:
                if (IsOwnRecord(value.GetType()))
                {
                    Visit(value, name, failures, depth + 1);
                }

                return;
        }
    }

    // In a date that cannot be left out (not nullable) the default value is "not given": the request's own validator
    // says that a required date is missing. Where the date may be left out, "not given" is null (see Visit).
    private static void CheckDate(DateOnly date, string name, List<ValidationFailure> failures)
    {
        if (date != default && (date < Earliest || date > Latest))
        {
            failures.Add(new ValidationFailure(name, DateOutOfRange) { AttemptedValue = date });
        }
    }

    // A list of numbers or ids can hold neither a null nor a date: not walked (a large one would only cost time).
    private static bool MayHoldNullOrDates(Type type)
    {
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is null || !element.IsValueType || Nullable.GetUnderlyingType(element) is not null
            || element == typeof(DateOnly) || element == typeof(DateTime) || element == typeof(DateTimeOffset);
    }

    private static bool IsOwnRecord(Type type) =>
        type is { IsClass: true } && type.Namespace?.StartsWith("CaseManagement.", StringComparison.Ordinal) == true;

    private static PropertyInfo[] ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
}

/// <summary>
/// A record a client sends as an object of its own inside a request's body (<c>"evidence": { ... }</c>), not a grouping
/// of the request's own fields: <see cref="RequestShape"/> names its fields under the property that holds it
/// (<c>Evidence.ParentOrCarerNames[1]</c>), as a validator set on that property does.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SentAsAnObjectAttribute : Attribute
{
}
