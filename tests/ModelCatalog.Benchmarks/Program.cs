using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ModelCatalog.Benchmarks -- --filter '*'   (see README: Performance)
BenchmarkSwitcher.FromAssembly(typeof(ModelCatalog.Benchmarks.CatalogPassBenchmarks).Assembly).Run(args);
