using System;
using System.Collections.Generic;
using ModelCatalog.Generator.Helpers;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// The providers the user's own models.yaml uses (README.md, "Model refs in C#": evidence that a <c>ChatOptions.ModelId</c> targets the
/// catalog): each provider block the file writes, and the provider part of every primary, fallback and allowlist ref
/// as written, whether or not it validated (a primary naming a provider with no block still makes that provider the
/// catalog's, so its refs stay errors in C#). Built-in or well-known providers the file does not mention are not used.
/// </summary>
internal static class CatalogUse
{
    /// <summary>Distinct provider ids (first spelling wins, compared ignoring case), in file order.</summary>
    public static EquatableArray<string> UsedProviders(ParsedCatalog user)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var used = new List<string>();
        foreach (var provider in user.Providers)
        {
            Add(provider.Id, seen, used);
        }

        if (user.Primary.HasValue)
        {
            AddProviderPart(user.Primary.Value, seen, used);
        }

        foreach (var fallback in user.Fallbacks)
        {
            AddProviderPart(fallback.Value, seen, used);
        }

        foreach (var entry in user.Allowlist)
        {
            AddProviderPart(entry.Ref.Value, seen, used);
        }

        return used.ToEquatableArray();
    }

    // An alias (no '/') names no provider itself; its target is an allowlist key, which is counted there.
    private static void AddProviderPart(string modelRef, HashSet<string> seen, List<string> used)
    {
        if (ModelRefParts.TrySplit(modelRef.Trim(), out var provider, out _))
        {
            Add(provider, seen, used);
        }
    }

    private static void Add(string providerId, HashSet<string> seen, List<string> used)
    {
        if (seen.Add(providerId))
        {
            used.Add(providerId);
        }
    }
}
