using BenchmarkDotNet.Running;
using CaseManagement.Benchmarks;

// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- matching [quality|latency|batch|all] [--evidence full]
// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- rekey [--postgres "Host=...;Database=postgres"] [--register 100000] [--evidence full]
// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- intake-http [--postgres "Host=...;Database=postgres"] [--submissions 200] [--runs 3]
// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- dashboard --postgres "Host=...;Database=postgres" [--children 100000] [--database name] [--reuse] [--only text]
if (args.FirstOrDefault() == MatchingRunner.Verb)
{
    return MatchingRunner.Run(args[1..], Console.Out);
}

if (args.FirstOrDefault() == DashboardRunner.Verb)
{
    return await DashboardRunner.RunAsync(args[1..], Console.Out);
}

if (args.FirstOrDefault() == RekeyRunner.Verb)
{
    return await RekeyRunner.RunAsync(args[1..], Console.Out);
}

if (args.FirstOrDefault() == IntakeHttpRunner.Verb)
{
    return await IntakeHttpRunner.RunAsync(args[1..], Console.Out);
}

// The benchmarks are found by reflection in this assembly (named by a type of its own: the app's Program is visible here too).
BenchmarkSwitcher.FromAssembly(typeof(MatchingRunner).Assembly).Run(args);
return 0;
