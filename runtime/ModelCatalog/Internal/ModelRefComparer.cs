using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>
/// Compares <c>provider/model-id</c> refs the way the catalog matches them: the provider part (up to the first
/// <c>/</c>) ignoring case, the model id exactly. Lets <see cref="Catalog.Resolve"/> look a ref up without
/// splitting or allocating.
/// </summary>
internal sealed class ModelRefComparer : IEqualityComparer<string>
{
    public static readonly ModelRefComparer Instance = new();

    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        int slash = x.IndexOf('/');
        if (slash != y.IndexOf('/'))
        {
            return false;
        }

        if (slash < 0)
        {
            return string.Equals(x, y, StringComparison.Ordinal);
        }

        return string.Compare(x, 0, y, 0, slash, StringComparison.OrdinalIgnoreCase) == 0 &&
               string.CompareOrdinal(x, slash, y, slash, x.Length - slash) == 0;
    }

    public int GetHashCode(string value)
    {
        unchecked
        {
            int hash = (int)2166136261;
            int i = 0;
            for (; i < value.Length && value[i] != '/'; i++)
            {
                hash = (hash ^ char.ToUpperInvariant(value[i])) * 16777619;
            }

            for (; i < value.Length; i++)
            {
                hash = (hash ^ value[i]) * 16777619;
            }

            return hash;
        }
    }
}
