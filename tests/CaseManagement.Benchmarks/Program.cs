using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The entry point; benchmarks are found by reflection.</summary>
public partial class Program;
