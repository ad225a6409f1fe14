using System.CommandLine;
using System.CommandLine.Invocation;
using CaseManagement.Tools.Commands;
using Microsoft.Extensions.Configuration;

namespace CaseManagement.Tools;

/// <summary>
/// The commands that work on the app's engine and data but are no part of what the deployed app runs: batch matching
/// of a CSV, labelled fictional referrals for measuring it, and a large fictional data set for measuring the pages
/// (docs/decisions/0032-tools-project.md). Every command answers <c>--help</c>.
/// </summary>
public static class ToolCommands
{
    /// <summary>The exit code for input the operator can put right: a mistyped option, a missing file, a mapping that does not fit.</summary>
    public const int InputProblem = 2;

    /// <param name="matchingConfiguration">The configuration <c>match</c> reads its thresholds from, for tests; by default the app's (see <see cref="AppFolder"/>).</param>
    public static RootCommand Create(IConfiguration? matchingConfiguration = null) =>
        new("CaseManagement's tools: batch matching of a CSV of people and fictional data for measuring. Run a command with --help for its options.")
        {
            MatchCommand.Create(matchingConfiguration),
            GeneratePeopleCommand.Create(),
            SeedCommand.Create(),
        };

    /// <summary>
    /// Parses and runs. A mistyped, missing or out-of-range option is told in one message per mistake, with where to
    /// find the options, and exit code 2, as every other mistake in the input is; <c>--help</c> prints the options.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, IConfiguration? matchingConfiguration = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parsed = Create(matchingConfiguration).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                await output.WriteLineAsync(error.Message);
            }

            var command = parsed.CommandResult.Command;
            await output.WriteLineAsync(command is RootCommand ? "Run with --help to see the commands." : $"Run '{command.Name} --help' to see the options.");
            return InputProblem;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
    }

    /// <summary>An option that takes a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    internal static Option<int> WholeNumber(string name, string description, int fallback, int minimum, int maximum)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback, HelpName = "n" };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum || value > maximum)
            {
                result.AddError(FormattableString.Invariant($"The option {name} must be a whole number from {minimum} to {maximum}, not {value}."));
            }
        });
        return option;
    }
}
