namespace CaseManagement.Tools.Commands;

/// <summary>The files and folders a command is given, as full paths, checked before any work starts.</summary>
internal static class CommandFiles
{
    private const string Settings = "appsettings.json";

    /// <summary>
    /// The folder relative paths are taken from: the current folder, except under <c>dotnet run --project</c>, which
    /// starts the tools in the project's folder; there the shell's folder (PWD, where the shell sets it) is the one the
    /// operator means.
    /// </summary>
    public static string InvocationDirectory()
    {
        var current = Environment.CurrentDirectory;
        var shell = Environment.GetEnvironmentVariable("PWD");
        var startedByDotnetRun = File.Exists(Path.Combine(current, "CaseManagement.Tools.csproj"));
        return startedByDotnetRun && !string.IsNullOrEmpty(shell) && Path.IsPathFullyQualified(shell) && Directory.Exists(shell)
            ? shell
            : current;
    }

    /// <summary>An input file that must exist.</summary>
    public static string ExistingFile(string value, string option)
    {
        var path = Path.GetFullPath(value, InvocationDirectory());
        return File.Exists(path) ? path : throw new CommandException($"The file '{path}' (given with {option}) does not exist.");
    }

    /// <summary>An output file whose folder must exist.</summary>
    public static string OutputFile(string value, string option)
    {
        var path = Path.GetFullPath(value, InvocationDirectory());
        var folder = Path.GetDirectoryName(path);
        return folder is null || Directory.Exists(folder)
            ? path
            : throw new CommandException($"The folder '{folder}' (for {option}) does not exist.");
    }

    /// <summary>
    /// The app's folder, whose appsettings.json (and the environment's file beside it) the command reads, as the app
    /// does: the one given; else, from the repository's root, src/CaseManagement.Web; else the current folder when it
    /// holds an appsettings.json (a deployment's); else null, for the copy of the app's settings built with the tools.
    /// </summary>
    public static string? AppFolder(string? given, string option)
    {
        var here = InvocationDirectory();
        if (given is not null)
        {
            var folder = Path.GetFullPath(given, here);
            return File.Exists(Path.Combine(folder, Settings))
                ? folder
                : throw new CommandException($"The folder '{folder}' (given with {option}) has no {Settings}: give the app's folder.");
        }

        var repository = Path.Combine(here, "src", "CaseManagement.Web");
        if (File.Exists(Path.Combine(repository, Settings)))
        {
            return repository;
        }

        return File.Exists(Path.Combine(here, Settings)) ? here : null;
    }
}

/// <summary>A problem with a command's input that the operator can put right; the command prints the message and exits with 2.</summary>
internal sealed class CommandException(string message) : Exception(message);
