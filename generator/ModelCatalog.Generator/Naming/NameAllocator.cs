using System;
using System.Collections.Generic;

namespace ModelCatalog.Generator.Naming;

/// <summary>
/// Gives each id of one scope (the provider classes, the members of one class, the aliases) a unique identifier.
/// Names that would clash with the enclosing class, a generated class or an <c>object</c> member get a trailing
/// <c>_</c>; when ids still share a name, the ordinally first id keeps it and the others get <c>_2</c>, <c>_3</c>, …
/// (skipping taken names), each reported as a collision. The outcome depends only on the set of ids, never on order.
/// </summary>
internal static class NameAllocator
{
    /// <summary>Names every scope avoids: the generated classes and members, and <c>object</c>'s members.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "ModelIds", "ModelCosts", "ModelProviders", "GeneratedModelCatalog", "Aliases", "Primary", "Fallbacks",
        "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    /// <summary>Assigns names to <paramref name="ids"/>; <paramref name="onCollision"/> gets each id that had to be suffixed.</summary>
    /// <returns>id → identifier.</returns>
    public static Dictionary<string, string> Allocate(IEnumerable<string> ids, string? enclosingClass, Action<string, string, string>? onCollision)
    {
        var ordered = new List<string>(ids);
        ordered.Sort(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(ordered.Count, StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var wanted = new Dictionary<string, string>(ordered.Count, StringComparer.Ordinal);
        foreach (var id in ordered)
        {
            var name = IdentifierNamer.ToIdentifier(id);
            if (Reserved.Contains(name) || string.Equals(name, enclosingClass, StringComparison.Ordinal))
            {
                name += "_";
            }

            wanted[id] = name;
        }

        // First pass: each ordinally first claimant keeps its name, so later suffixes never steal a natural name.
        var firstOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ordered)
        {
            if (!firstOwner.ContainsKey(wanted[id]))
            {
                firstOwner.Add(wanted[id], id);
                taken.Add(wanted[id]);
            }
        }

        foreach (var id in ordered)
        {
            var name = wanted[id];
            if (firstOwner[name] == id)
            {
                result[id] = name;
                continue;
            }

            int suffix = 2;
            string candidate;
            do
            {
                candidate = name + "_" + suffix++;
            }
            while (!taken.Add(candidate) || string.Equals(candidate, enclosingClass, StringComparison.Ordinal));

            result[id] = candidate;
            onCollision?.Invoke(id, firstOwner[name], candidate);
        }

        return result;
    }
}
