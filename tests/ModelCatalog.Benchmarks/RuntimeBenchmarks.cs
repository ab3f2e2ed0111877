using BenchmarkDotNet.Attributes;

namespace ModelCatalog.Benchmarks;

/// <summary>README.md (Performance): <see cref="Catalog.Resolve"/> and <see cref="ModelCost.Compute"/> allocate nothing.</summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private readonly Catalog _catalog = Catalog.CreateBuilder()
        .AddProvider("minimax", "https://api.minimax.io/anthropic", ModelApi.AnthropicMessages, "${MINIMAX_API_KEY}", authHeader: true)
        .AddModel("minimax", "MiniMax-M2.1", cost: new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), contextWindow: 204_800, maxTokens: 131_072)
        .AddAlias("minimax", "minimax/MiniMax-M2.1")
        .Build();

    private readonly ModelCost _cost = new(0.3m, 1.2m, 0.03m, 0.375m);

    [Benchmark]
    public ModelInfo ResolveRef() => _catalog.Resolve("MiniMax/MiniMax-M2.1");

    [Benchmark]
    public ModelInfo ResolveAlias() => _catalog.Resolve("MINIMAX");

    [Benchmark]
    public decimal? ComputeCost() => _cost.Compute(12_000, 800, 30_000, 2_000);
}
