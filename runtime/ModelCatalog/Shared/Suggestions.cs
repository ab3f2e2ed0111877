using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>
/// "Did you mean" suggestions: the candidate with the smallest case-insensitive edit distance, preferring a longer
/// shared prefix on ties, within a distance that grows with the length of the input. Shared by the runtime, the
/// generator and the analyzers (linked source) so every message suggests the same thing.
/// </summary>
internal static class Suggestions
{
    /// <summary>The closest candidate, or <c>null</c> when none is close enough.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int bestPrefix = -1;
        int limit = MaxDistance(value);
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                continue;
            }

            int distance = Distance(value, candidate, Math.Min(limit, bestDistance));
            if (distance > limit)
            {
                continue;
            }

            int prefix = SharedPrefix(value, candidate);
            if (distance < bestDistance || (distance == bestDistance && (prefix > bestPrefix ||
                (prefix == bestPrefix && string.CompareOrdinal(candidate, best) < 0))))
            {
                best = candidate;
                bestDistance = distance;
                bestPrefix = prefix;
            }
        }

        return best;
    }

    /// <summary>How many edits still count as a typo: 1 for short values, then a third of the length, at most 4.</summary>
    public static int MaxDistance(string value) => Math.Max(1, Math.Min(4, value.Length / 3));

    /// <summary>
    /// Case-insensitive edit distance counting an adjacent transposition as one edit (optimal string alignment:
    /// "mrege" is one edit from "merge"), cut off at <paramref name="cutoff"/> + 1.
    /// </summary>
    public static int Distance(string a, string b, int cutoff = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > cutoff)
        {
            return cutoff == int.MaxValue ? cutoff : cutoff + 1;
        }

        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            char ca = char.ToUpperInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                char cb = char.ToUpperInvariant(b[j - 1]);
                int value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == char.ToUpperInvariant(b[j - 2]) && char.ToUpperInvariant(a[i - 2]) == cb)
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > cutoff)
            {
                return cutoff + 1;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    /// <summary>How many leading characters two values share, ignoring case.</summary>
    public static int SharedPrefix(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && char.ToUpperInvariant(a[i]) == char.ToUpperInvariant(b[i]))
        {
            i++;
        }

        return i;
    }
}
