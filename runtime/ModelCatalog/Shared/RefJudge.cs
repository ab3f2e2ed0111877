using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>Which forms a ref position accepts besides <c>provider/model-id</c>.</summary>
[Flags]
internal enum RefForms
{
    /// <summary>Only <c>provider/model-id</c> (an allowlist key that is not a wildcard).</summary>
    Ref = 0,

    /// <summary>A slash-free alias (primary, fallbacks, C# refs, <c>Catalog.Resolve</c>).</summary>
    Alias = 1,

    /// <summary><c>provider/*</c>: every model of the provider (allowlist keys of <c>agents.defaults.models</c>).</summary>
    ProviderWildcard = 2,
}

/// <summary>
/// The one component that judges a model ref (README.md, "One ref verdict"), against a view of one catalog: its providers
/// with their model ids, its aliases, the built-in providers that <c>models.mode: replace</c> left out and the provider
/// blocks that have errors of their own. The catalog validator, the C# analyzers and the runtime's
/// <c>Catalog.Explain</c> each fill one (once per catalog) and map its <see cref="RefVerdict"/> to their own messages,
/// with the one did-you-mean ranking of <see cref="RefSuggestions"/>. Linked into the generator: no Roslyn here.
/// Filled by one thread, then read-only (the lazy model-id index is published atomically), so concurrent judging is safe.
/// </summary>
internal sealed class RefJudge
{
    private readonly Dictionary<string, ProviderEntry> _providers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ProviderEntry> _providerOrder = new();
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _excludedBuiltIns = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _inError = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, List<string>>? _refsByModelId;

    /// <summary>Adds a provider (catalog spelling) and its model ids, in catalog order.</summary>
    public void AddProvider(string id, IEnumerable<string> modelIds)
    {
        var entry = new ProviderEntry(id);
        foreach (var modelId in modelIds)
        {
            if (entry.Ids.Add(modelId))
            {
                entry.InOrder.Add(modelId);
                if (!entry.IgnoringCase.ContainsKey(modelId))
                {
                    entry.IgnoringCase.Add(modelId, modelId); // the first spelling in catalog order wins
                }
            }
        }

        _providers[id] = entry;
        _providerOrder.Add(entry);
        _refsByModelId = null;
    }

    /// <summary>Adds an alias (matched ignoring case) of the canonical ref <paramref name="targetRef"/>.</summary>
    public void AddAlias(string alias, string targetRef) => _aliases[alias] = targetRef;

    /// <summary>A built-in provider that the catalog leaves out because <c>models.mode</c> is <c>replace</c>.</summary>
    public void AddExcludedBuiltIn(string providerId) => _excludedBuiltIns.Add(providerId);

    /// <summary>A provider whose block has errors of its own, so it is not in the catalog although the file names it.</summary>
    public void AddProviderInError(string providerId) => _inError.Add(providerId);

    /// <summary>The ids of the catalog's providers, in catalog order.</summary>
    public IEnumerable<string> ProviderIds
    {
        get
        {
            foreach (var provider in _providerOrder)
            {
                yield return provider.Id;
            }
        }
    }

    /// <summary>The aliases, for callers that list them.</summary>
    public IEnumerable<string> AliasNames => _aliases.Keys;

    /// <summary>True when the provider is in the catalog.</summary>
    public bool HasProvider(string providerId) => _providers.ContainsKey(providerId);

    /// <summary>True when the provider is built in but left out by replace mode.</summary>
    public bool IsExcludedBuiltIn(string providerId) => _excludedBuiltIns.Contains(providerId);

    /// <summary>True when the provider has a block with errors of its own.</summary>
    public bool IsProviderInError(string providerId) => _inError.Contains(providerId);

    /// <summary>
    /// The catalog provider that <paramref name="providerId"/> is most likely a typo of: within two edits and close enough
    /// for its length (so <c>a</c> is not taken for <c>xai</c>); <c>null</c> when none is.
    /// </summary>
    public string? ProviderTypoOf(string providerId)
    {
        int limit = Math.Min(2, Suggestions.MaxDistance(providerId));
        var closest = Suggestions.Closest(providerId, _providers.Keys);
        return closest is not null && Suggestions.Distance(providerId, closest, limit) <= limit ? closest : null;
    }

    /// <summary>Judges <paramref name="value"/> exactly as written (refs are not trimmed at run time either).</summary>
    /// <param name="value">The ref or alias.</param>
    /// <param name="forms">The forms the position accepts besides <c>provider/model-id</c>.</param>
    /// <param name="rankNotARef">
    /// <c>false</c> skips ranking the whole catalog for a value that is not a ref (the analyzers classify many strings
    /// that belong to other clients and rank only when they report).
    /// </param>
    public RefVerdict Judge(string value, RefForms forms, bool rankNotARef = true)
    {
        if (VariableReferences.ContainsReference(value))
        {
            ModelRefParts.TrySplit(value, out var variableProvider, out var variableModel);
            return new RefVerdict(RefVerdictKind.HasVariable, value, variableProvider, variableModel);
        }

        if (value.IndexOf('/') < 0)
        {
            if ((forms & RefForms.Alias) != 0 && _aliases.TryGetValue(value, out var target))
            {
                return new RefVerdict(RefVerdictKind.Alias, value, canonicalRef: target);
            }

            return NotARef(value, forms, rankNotARef);
        }

        if (!ModelRefParts.TrySplit(value, out var providerPart, out var modelPart) || !LooksLikeProviderId(providerPart))
        {
            return NotARef(value, forms, rankNotARef);
        }

        if (_providers.TryGetValue(providerPart, out var provider))
        {
            return JudgeModel(value, providerPart, modelPart, provider, forms);
        }

        if (_inError.Contains(providerPart))
        {
            return new RefVerdict(RefVerdictKind.ProviderInError, value, providerPart, modelPart);
        }

        // "Qwen/Qwen3-…" written without its provider: a model id that itself contains '/'.
        if (RefsWithModelId(value) is { Count: > 0 })
        {
            return NotARef(value, forms, rankNotARef);
        }

        if (_excludedBuiltIns.Contains(providerPart))
        {
            return new RefVerdict(RefVerdictKind.ProviderExcludedByReplace, value, providerPart, modelPart, ExcludedSpelling(providerPart));
        }

        if (ProviderTypoOf(providerPart) is { } typoOf)
        {
            var corrected = JudgeModel(typoOf + "/" + modelPart, typoOf, modelPart, _providers[typoOf], forms);
            var suggestions = corrected.Kind is RefVerdictKind.Ok or RefVerdictKind.CaseVariant
                ? new[] { corrected.CanonicalRef! }
                : corrected.Suggestions;
            return new RefVerdict(RefVerdictKind.ProviderTypo, value, providerPart, modelPart, _providers[typoOf].Id, suggestions: suggestions,
                clearSuggestion: suggestions.Count == 1 ? suggestions[0] : corrected.ClearSuggestion);
        }

        return new RefVerdict(RefVerdictKind.ProviderMissing, value, providerPart, modelPart);
    }

    private static RefVerdict JudgeModel(string value, string providerPart, string modelPart, ProviderEntry provider, RefForms forms)
    {
        if (provider.Ids.Contains(modelPart))
        {
            return new RefVerdict(RefVerdictKind.Ok, value, providerPart, modelPart, provider.Id, provider.Id + "/" + modelPart);
        }

        if ((forms & RefForms.ProviderWildcard) != 0 && modelPart == "*")
        {
            return new RefVerdict(RefVerdictKind.ProviderWildcard, value, providerPart, modelPart, provider.Id, provider.Id + "/*");
        }

        if (provider.IgnoringCase.TryGetValue(modelPart, out var spelled))
        {
            var canonical = provider.Id + "/" + spelled;
            return new RefVerdict(RefVerdictKind.CaseVariant, value, providerPart, modelPart, provider.Id, canonical, new[] { canonical }, canonical);
        }

        var nearest = RefSuggestions.Rank(modelPart, provider.InOrder, provider.Id, out var clearlyNearest);
        for (int i = 0; i < nearest.Count; i++)
        {
            nearest[i] = provider.Id + "/" + nearest[i];
        }

        return new RefVerdict(RefVerdictKind.UnknownModel, value, providerPart, modelPart, provider.Id, suggestions: nearest,
            clearSuggestion: clearlyNearest is null ? null : provider.Id + "/" + clearlyNearest);
    }

    /// <summary>
    /// A value that is not a ref: the catalog refs whose model id is the value (exactly, or ignoring case); when none, the
    /// closest aliases (where aliases are allowed) and refs of the catalog, ranked as model ids. Never a fixed example.
    /// </summary>
    private RefVerdict NotARef(string value, RefForms forms, bool rank)
    {
        var exact = RefsWithModelId(value);
        if (exact is { Count: > 0 })
        {
            var listed = new List<string>(Math.Min(RefSuggestions.MaxListed, exact.Count));
            for (int i = 0; i < exact.Count && listed.Count < RefSuggestions.MaxListed; i++)
            {
                listed.Add(exact[i]);
            }

            return new RefVerdict(RefVerdictKind.NotARef, value, suggestions: listed, clearSuggestion: exact.Count == 1 ? exact[0] : null);
        }

        if (!rank)
        {
            return new RefVerdict(RefVerdictKind.NotARef, value);
        }

        var index = RefsByModelId();
        var candidates = new List<string>(index.Count + _aliases.Count);
        if ((forms & RefForms.Alias) != 0)
        {
            candidates.AddRange(_aliases.Keys);
        }

        candidates.AddRange(index.Keys);
        var ranked = RefSuggestions.Rank(value, candidates, providerId: null, out var clearlyNearest);
        var suggestions = new List<string>(ranked.Count);
        string? clear = null;
        foreach (var candidate in ranked)
        {
            bool isAlias = (forms & RefForms.Alias) != 0 && _aliases.ContainsKey(candidate);
            var refs = isAlias ? null : index[candidate];
            if (candidate == clearlyNearest)
            {
                clear = isAlias ? candidate : refs!.Count == 1 ? refs[0] : null;
            }

            if (isAlias)
            {
                suggestions.Add(candidate);
                continue;
            }

            foreach (var modelRef in refs!)
            {
                if (suggestions.Count < RefSuggestions.MaxListed && !suggestions.Contains(modelRef))
                {
                    suggestions.Add(modelRef);
                }
            }
        }

        if (suggestions.Count > RefSuggestions.MaxListed)
        {
            suggestions.RemoveRange(RefSuggestions.MaxListed, suggestions.Count - RefSuggestions.MaxListed);
        }

        return new RefVerdict(RefVerdictKind.NotARef, value, suggestions: suggestions, clearSuggestion: clear);
    }

    /// <summary>Refs of every catalog model whose id equals <paramref name="modelId"/> ignoring case, exact spellings first.</summary>
    private List<string>? RefsWithModelId(string modelId)
    {
        if (!RefsByModelId().TryGetValue(modelId, out var refs))
        {
            return null;
        }

        var exactFirst = new List<string>(refs.Count);
        foreach (var modelRef in refs)
        {
            if (modelRef.EndsWith("/" + modelId, StringComparison.Ordinal))
            {
                exactFirst.Add(modelRef);
            }
        }

        foreach (var modelRef in refs)
        {
            if (!exactFirst.Contains(modelRef))
            {
                exactFirst.Add(modelRef);
            }
        }

        return exactFirst;
    }

    private Dictionary<string, List<string>> RefsByModelId()
    {
        var index = _refsByModelId;
        if (index is not null)
        {
            return index;
        }

        index = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in _providerOrder)
        {
            foreach (var modelId in provider.InOrder)
            {
                if (!index.TryGetValue(modelId, out var refs))
                {
                    index.Add(modelId, refs = new List<string>(1));
                }

                refs.Add(provider.Id + "/" + modelId);
            }
        }

        // A race builds it twice; both are equal and the reference write is atomic.
        _refsByModelId = index;
        return index;
    }

    private string ExcludedSpelling(string providerPart)
    {
        foreach (var id in _excludedBuiltIns)
        {
            if (string.Equals(id, providerPart, StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
        }

        return providerPart;
    }

    /// <summary>
    /// Provider ids are letters, digits, '-', '.' and '_' (every id in models.dev is): "https://…", "C:/…" or "a b/c" are
    /// not refs, which keeps URLs and paths out of ref diagnostics.
    /// </summary>
    private static bool LooksLikeProviderId(string providerPart)
    {
        foreach (char c in providerPart)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class ProviderEntry
    {
        public ProviderEntry(string id) => Id = id;

        public string Id { get; }

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> IgnoringCase { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> InOrder { get; } = new();
    }
}
