using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>What a model ref (or alias) is, judged against one catalog by <see cref="RefJudge"/>.</summary>
internal enum RefVerdictKind
{
    /// <summary>A catalog ref: provider part in any case, model id exact.</summary>
    Ok,

    /// <summary>A slash-free value that is an alias (matched ignoring case).</summary>
    Alias,

    /// <summary>A <c>provider/*</c> allowlist key of a catalog provider: every model of that provider.</summary>
    ProviderWildcard,

    /// <summary>The model id differs only in case from a catalog model (model ids are case-sensitive).</summary>
    CaseVariant,

    /// <summary>The provider exists but has no model with this id.</summary>
    UnknownModel,

    /// <summary>No provider of that id exists at all (no block, not built in, not a typo of one).</summary>
    ProviderMissing,

    /// <summary>The provider part is a typo of a catalog provider.</summary>
    ProviderTypo,

    /// <summary>The provider is built in, but <c>models.mode: replace</c> leaves the built-in providers out.</summary>
    ProviderExcludedByReplace,

    /// <summary>The provider has a block with errors of its own (reported where the block is).</summary>
    ProviderInError,

    /// <summary>Slash-free and not an alias, a model id written without its provider, or not shaped like <c>provider/model-id</c>.</summary>
    NotARef,

    /// <summary>Holds a <c>${VAR}</c> reference: only the run time, through the client's resolver, knows the ref.</summary>
    HasVariable,
}

/// <summary>
/// The one verdict on a ref that the catalog validator (MC0007–MC0009, MC0015), the C# analyzers (MC1001–MC1003) and
/// <c>Catalog.Explain</c> map to their own message formats, so the three never disagree.
/// </summary>
internal sealed class RefVerdict
{
    private static readonly IReadOnlyList<string> None = Array.Empty<string>();

    public RefVerdict(RefVerdictKind kind, string value, string? providerPart = null, string? modelPart = null, string? provider = null,
        string? canonicalRef = null, IReadOnlyList<string>? suggestions = null, string? clearSuggestion = null)
    {
        Kind = kind;
        Value = value;
        ProviderPart = providerPart;
        ModelPart = modelPart;
        Provider = provider;
        CanonicalRef = canonicalRef;
        Suggestions = suggestions ?? None;
        ClearSuggestion = clearSuggestion;
    }

    public RefVerdictKind Kind { get; }

    /// <summary>The value as written.</summary>
    public string Value { get; }

    /// <summary>The provider part as written (refs with a <c>/</c>).</summary>
    public string? ProviderPart { get; }

    /// <summary>The model-id part as written (refs with a <c>/</c>).</summary>
    public string? ModelPart { get; }

    /// <summary>
    /// The catalog's spelling of the provider the ref names (<see cref="RefVerdictKind.Ok"/>, <see cref="RefVerdictKind.CaseVariant"/>,
    /// <see cref="RefVerdictKind.UnknownModel"/>, <see cref="RefVerdictKind.ProviderWildcard"/>), the provider a typo most
    /// likely meant (<see cref="RefVerdictKind.ProviderTypo"/>), or the built-in provider that replace mode left out.
    /// </summary>
    public string? Provider { get; }

    /// <summary>The catalog ref the value stands for (<see cref="RefVerdictKind.Ok"/>, <see cref="RefVerdictKind.Alias"/>), or the correctly cased ref (<see cref="RefVerdictKind.CaseVariant"/>).</summary>
    public string? CanonicalRef { get; }

    /// <summary>Did-you-mean candidates (refs or aliases), best first, at most <see cref="RefSuggestions.MaxListed"/>.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>The best suggestion when it stands alone (strictly better than the runner-up): the one a code fix may apply.</summary>
    public string? ClearSuggestion { get; }

    /// <summary>True for the verdicts that name a real catalog model (directly or through an alias).</summary>
    public bool IsResolved => Kind is RefVerdictKind.Ok or RefVerdictKind.Alias;

    /// <summary>
    /// <c> (did you mean 'minimax'?)</c> for a provider typo (<see cref="RefVerdictKind.ProviderTypo"/>): every message about
    /// a misspelled provider names the provider, as the C# and catalog diagnostics always have; the full corrected ref stays
    /// in <see cref="Suggestions"/> for code fixes.
    /// </summary>
    public string ProviderDidYouMean() => Provider is null ? string.Empty : " (did you mean '" + Provider + "'?)";

    /// <summary><c> (did you mean 'a', 'b' or 'c'?)</c>, or nothing when there is no suggestion.</summary>
    public string DidYouMean()
    {
        if (Suggestions.Count == 0)
        {
            return string.Empty;
        }

        var text = " (did you mean ";
        for (int i = 0; i < Suggestions.Count; i++)
        {
            text += (i == 0 ? "" : i == Suggestions.Count - 1 ? " or " : ", ") + "'" + Suggestions[i] + "'";
        }

        return text + "?)";
    }
}
