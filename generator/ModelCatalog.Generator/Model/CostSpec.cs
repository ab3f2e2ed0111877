namespace ModelCatalog.Generator.Model;

/// <summary>Prices in USD per 1M tokens, exactly as written (parsed as decimal, never through double).</summary>
internal sealed record CostSpec(decimal Input, decimal Output, decimal CacheRead, decimal CacheWrite);
