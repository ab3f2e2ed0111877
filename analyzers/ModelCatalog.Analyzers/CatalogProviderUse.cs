using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Analyzers;

/// <summary>
/// The providers the user's models.yaml uses (<see cref="CompiledCatalog.UsedProviders"/>), as the evidence test for a
/// <c>ChatOptions.ModelId</c> value and the gate of the free-standing MC1001 (README.md, "Model refs in C#"). Built once per catalog
/// (cached on the shared <see cref="CompiledCatalog"/> instance) and read-only afterwards.
/// </summary>
internal sealed class CatalogProviderUse
{
    private static readonly ConditionalWeakTable<CompiledCatalog, CatalogProviderUse> Cache = new();

    private readonly HashSet<string> _used;

    private CatalogProviderUse(CompiledCatalog catalog) =>
        _used = new HashSet<string>(catalog.UsedProviders, StringComparer.OrdinalIgnoreCase);

    public static CatalogProviderUse For(CompiledCatalog catalog) => Cache.GetValue(catalog, static c => new CatalogProviderUse(c));

    /// <summary>True when the catalog uses <paramref name="providerId"/> (ignoring case, as provider ids are matched).</summary>
    public bool IsUsed(string providerId) => _used.Contains(providerId);

    /// <summary>
    /// True when <paramref name="providerId"/> is used, or within two edits of a used provider and close enough for its
    /// length to be a typo of it (the same bound as the MC1002 did-you-mean, so "a/b" is not taken for "xai").
    /// </summary>
    public bool IsUsedOrNear(string providerId)
    {
        if (_used.Contains(providerId))
        {
            return true;
        }

        int limit = Math.Min(2, Suggestions.MaxDistance(providerId));
        foreach (var id in _used)
        {
            if (Suggestions.Distance(providerId, id, limit) <= limit)
            {
                return true;
            }
        }

        return false;
    }
}
