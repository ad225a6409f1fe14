namespace CaseManagement.Tools;

internal static class Program
{
    public static Task<int> Main(string[] args) => ToolCommands.RunAsync(args, Console.Out);
}
