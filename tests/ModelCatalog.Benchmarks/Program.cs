using BenchmarkDotNet.Running;
using ModelCatalog.Benchmarks.Report;

// Benchmarks: dotnet run -c Release --project tests/ModelCatalog.Benchmarks -- --filter '*'
// README table: dotnet run -c Release --project tests/ModelCatalog.Benchmarks -- --report --results DIR --builds FILE --readme README.md
// perf/run does both (README.md, Performance).
if (args.Length > 0 && args[0] == "--report")
{
    return PerformanceReport.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(ModelCatalog.Benchmarks.CatalogPassBenchmarks).Assembly).Run(args);
return 0;
