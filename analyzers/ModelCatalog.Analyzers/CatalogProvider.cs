using System;
using System.Collections.Generic;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Analyzers;

/// <summary>A catalog provider with its models indexed by exact (case-sensitive) id.</summary>
internal sealed class CatalogProvider
{
    public CatalogProvider(ProviderSpec spec, RefJudge judge)
    {
        Spec = spec;
        Judge = judge;
    }

    public ProviderSpec Spec { get; }

    /// <summary>The shared ref judge of the catalog this provider belongs to (for the messages about its refs).</summary>
    public RefJudge Judge { get; }

    public Dictionary<string, CatalogModel> ModelsById { get; } = new(StringComparer.Ordinal);
}
