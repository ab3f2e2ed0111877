using System;
using System.Collections.Generic;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Ranks candidate ids for MC1003's "did you mean": by edit distance (the shared <see cref="Suggestions"/> metric),
/// then by longer shared prefix, then ordinally. A candidate that merely extends the value
/// (<c>claude-opus</c> → <c>claude-opus-4-6</c>) counts too, because a truncated id is a common slip that edit
/// distance alone rejects.
/// </summary>
internal static class ModelRefSuggestions
{
    /// <summary>How many ids a message lists at most.</summary>
    public const int MaxListed = 3;

    /// <summary>The nearest candidates, best first (at most <see cref="MaxListed"/>).</summary>
    /// <param name="clearlyNearest">
    /// The best candidate when it stands alone: strictly closer than the runner-up. Only then does a code fix offer it,
    /// so the light bulb never guesses between equals.
    /// </param>
    public static List<string> Nearest(string value, IEnumerable<string> candidates, out string? clearlyNearest)
    {
        int limit = Suggestions.MaxDistance(value);
        var ranked = new List<Ranked>();
        foreach (var candidate in candidates)
        {
            int distance = Suggestions.Distance(value, candidate, limit);
            bool extends = value.Length >= 4 && candidate.StartsWith(value, StringComparison.OrdinalIgnoreCase);
            if (distance > limit && !extends)
            {
                continue;
            }

            // An extension ranks after every real typo match of the same distance class.
            ranked.Add(new Ranked(candidate, distance > limit ? limit + candidate.Length - value.Length : distance, SharedPrefix(value, candidate)));
        }

        ranked.Sort(static (a, b) =>
            a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) :
            a.Prefix != b.Prefix ? b.Prefix.CompareTo(a.Prefix) :
            string.CompareOrdinal(a.Id, b.Id));

        clearlyNearest = ranked.Count == 1 || (ranked.Count > 1 && (ranked[0].Distance < ranked[1].Distance ||
            (ranked[0].Distance == ranked[1].Distance && ranked[0].Prefix > ranked[1].Prefix)))
            ? ranked[0].Id
            : null;

        var result = new List<string>(Math.Min(MaxListed, ranked.Count));
        for (int i = 0; i < ranked.Count && i < MaxListed; i++)
        {
            result.Add(ranked[i].Id);
        }

        return result;
    }

    private static int SharedPrefix(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && char.ToUpperInvariant(a[i]) == char.ToUpperInvariant(b[i]))
        {
            i++;
        }

        return i;
    }

    private readonly struct Ranked
    {
        public Ranked(string id, int distance, int prefix)
        {
            Id = id;
            Distance = distance;
            Prefix = prefix;
        }

        public string Id { get; }

        public int Distance { get; }

        public int Prefix { get; }
    }
}
