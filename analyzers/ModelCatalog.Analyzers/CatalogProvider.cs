using System;
using System.Collections.Generic;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Analyzers;

/// <summary>A catalog provider with its models indexed by exact (case-sensitive) id.</summary>
internal sealed class CatalogProvider
{
    public CatalogProvider(ProviderSpec spec) => Spec = spec;

    public ProviderSpec Spec { get; }

    public Dictionary<string, CatalogModel> ModelsById { get; } = new(StringComparer.Ordinal);
}
