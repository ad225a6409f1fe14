using System.Globalization;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// The <c>--name value</c> options of a command verb. Unknown options, repeated options and options without a value
/// are refused with a <see cref="CommandException"/>, so a typing slip is reported rather than ignored.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values;

    private CommandArguments(Dictionary<string, string> values) => _values = values;

    public static CommandArguments Parse(string[] args, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!allowed.Contains(name))
            {
                throw new CommandException($"Unknown option '{name}'.", showUsage: true);
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandException($"The option {name} needs a value.", showUsage: true);
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new CommandException($"The option {name} is given twice.", showUsage: true);
            }
        }

        return new CommandArguments(values);
    }

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CommandException($"The option {name} is required.", showUsage: true);

    public int Integer(string name, int fallback, int minimum, int maximum)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"The option {name} must be a whole number from {minimum} to {maximum}, not '{text}'."), showUsage: true);
    }

    /// <summary>
    /// The folder relative paths are taken from: the current folder, except under <c>dotnet run --project</c>, which
    /// starts the app in the project's folder; there the shell's folder (PWD, where the shell sets it) is the one the
    /// operator means.
    /// </summary>
    public static string InvocationDirectory()
    {
        var current = Environment.CurrentDirectory;
        var shell = Environment.GetEnvironmentVariable("PWD");
        var startedByDotnetRun = File.Exists(Path.Combine(current, "CaseManagement.Web.csproj"));
        return startedByDotnetRun && !string.IsNullOrEmpty(shell) && Path.IsPathFullyQualified(shell) && Directory.Exists(shell)
            ? shell
            : current;
    }

    /// <summary>An input file that must exist, as a full path.</summary>
    public string ExistingFile(string name)
    {
        var path = Path.GetFullPath(Required(name), InvocationDirectory());
        return File.Exists(path) ? path : throw new CommandException($"The file '{path}' (given with {name}) does not exist.");
    }

    /// <summary>An output file whose folder must exist, as a full path.</summary>
    public string OutputFile(string name) => OutputPath(name, Required(name));

    public string? OptionalOutputFile(string name) => Optional(name) is { } value ? OutputPath(name, value) : null;

    private static string OutputPath(string name, string value)
    {
        var path = Path.GetFullPath(value, InvocationDirectory());
        var folder = Path.GetDirectoryName(path);
        return folder is null || Directory.Exists(folder)
            ? path
            : throw new CommandException($"The folder '{folder}' (for {name}) does not exist.");
    }
}

/// <summary>A problem with a command's input that the operator can put right; the command prints the message and exits with 2.</summary>
internal sealed class CommandException(string message, bool showUsage = false) : Exception(message)
{
    /// <summary>Whether the command's usage line helps (a mistyped or missing option).</summary>
    public bool ShowUsage { get; } = showUsage;
}
