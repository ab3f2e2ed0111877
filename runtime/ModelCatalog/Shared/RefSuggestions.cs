using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>
/// The one did-you-mean ranking of model ids, aliases and provider ids (used through <see cref="RefJudge"/> by the catalog
/// validator, the C# analyzers and the runtime). A candidate qualifies when it is
/// <list type="bullet">
/// <item>the value with <c>.</c>, <c>-</c> and <c>_</c> told apart no more than case (<c>gpt-5-4</c> → <c>gpt-5.4</c>): rank 0;</item>
/// <item>the value under the provider's own name (<c>auto</c> → <c>openrouter/auto</c> in provider <c>openrouter</c>), or the reverse: rank 0;</item>
/// <item>within the typo distance of <see cref="Suggestions.MaxDistance"/> (case-insensitive, transpositions count once): rank = edits;</item>
/// <item>an extension or truncation of the value of at least 4 characters (<c>…-2507</c> → <c>…-2507-tput</c>): ranked after
/// every typo, nearer lengths first.</item>
/// </list>
/// Ties go to the longer shared prefix, then ordinal order.
/// </summary>
internal static class RefSuggestions
{
    /// <summary>How many candidates a message lists at most.</summary>
    public const int MaxListed = 3;

    /// <summary>The qualifying candidates, best first (at most <see cref="MaxListed"/>).</summary>
    /// <param name="value">The value as written.</param>
    /// <param name="candidates">Candidate ids (distinct).</param>
    /// <param name="providerId">The provider the candidates belong to, for ids that repeat their provider's name; else <c>null</c>.</param>
    /// <param name="clearlyNearest">The best candidate when it is strictly better than the runner-up, else <c>null</c>.</param>
    public static List<string> Rank(string value, IEnumerable<string> candidates, string? providerId, out string? clearlyNearest)
    {
        int limit = Suggestions.MaxDistance(value);
        var ranked = new List<Ranked>();
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                continue;
            }

            int score = Score(value, candidate, providerId, limit);
            if (score >= 0)
            {
                ranked.Add(new Ranked(candidate, score, Suggestions.SharedPrefix(value, candidate)));
            }
        }

        ranked.Sort(static (a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) :
            a.Prefix != b.Prefix ? b.Prefix.CompareTo(a.Prefix) :
            string.CompareOrdinal(a.Id, b.Id));

        clearlyNearest = ranked.Count == 1 || (ranked.Count > 1 && (ranked[0].Score < ranked[1].Score ||
            (ranked[0].Score == ranked[1].Score && ranked[0].Prefix > ranked[1].Prefix)))
            ? ranked[0].Id
            : null;

        var result = new List<string>(Math.Min(MaxListed, ranked.Count));
        for (int i = 0; i < ranked.Count && i < MaxListed; i++)
        {
            result.Add(ranked[i].Id);
        }

        return result;
    }

    /// <summary>The rank of <paramref name="candidate"/> for <paramref name="value"/> (lower is better), or -1 when it does not qualify.</summary>
    private static int Score(string value, string candidate, string? providerId, int limit)
    {
        if (EqualIgnoringSeparators(value, candidate))
        {
            return 0;
        }

        if (providerId is not null && (IsUnderProviderName(candidate, providerId, value) || IsUnderProviderName(value, providerId, candidate)))
        {
            return 0;
        }

        int distance = Suggestions.Distance(value, candidate, limit);
        if (distance <= limit)
        {
            return distance;
        }

        bool extends = value.Length >= 4 && candidate.StartsWith(value, StringComparison.OrdinalIgnoreCase);
        bool truncates = candidate.Length >= 4 && value.StartsWith(candidate, StringComparison.OrdinalIgnoreCase);
        return extends || truncates ? limit + Math.Abs(candidate.Length - value.Length) : -1;
    }

    /// <summary><paramref name="longer"/> is <c>{providerId}/{shorter}</c>, ignoring case.</summary>
    private static bool IsUnderProviderName(string longer, string providerId, string shorter) =>
        longer.Length == providerId.Length + 1 + shorter.Length &&
        longer[providerId.Length] == '/' &&
        longer.StartsWith(providerId, StringComparison.OrdinalIgnoreCase) &&
        longer.EndsWith(shorter, StringComparison.OrdinalIgnoreCase);

    private static bool EqualIgnoringSeparators(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            char x = char.ToUpperInvariant(a[i]);
            char y = char.ToUpperInvariant(b[i]);
            if (x != y && !(IsSeparator(x) && IsSeparator(y)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or '_';

    private readonly struct Ranked
    {
        public Ranked(string id, int score, int prefix)
        {
            Id = id;
            Score = score;
            Prefix = prefix;
        }

        public string Id { get; }

        public int Score { get; }

        public int Prefix { get; }
    }
}
